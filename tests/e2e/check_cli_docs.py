#!/usr/bin/env python3
"""The generated bash and zsh completions and man page name every command and
every option that `jxaudit --help` (and each command's --help) lists: read
from the help text, not from the generator, so that neither can drift.

usage: check_cli_docs.py JXAUDIT BASH_COMPLETION ZSH_COMPLETION MAN_PAGE
"""
import re
import subprocess
import sys

jx, bash_file, zsh_file, man_file = sys.argv[1:5]


def help_of(path):
    out = subprocess.run([jx, "--lang", "en", *path, "--help"], capture_output=True, text=True, check=True)
    return out.stdout


def sections(text):
    """Option names and subcommand names of one --help text."""
    options, commands = set(), []
    section = None
    for line in text.splitlines():
        if re.match(r"^\S.*:\s*$", line):  # "Options:", "Subcommands:", "Positionals:"
            section = line.strip().rstrip(":").lower()
            continue
        if not line.startswith("  "):
            continue
        if section == "subcommands":
            commands.append(line.split()[0])
        elif section == "options":
            # "  -o,--output TEXT    Write the report…": the names before the description.
            head = line.strip().split("  ")[0]
            options.update(re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", head))
    return options, commands


every_option, every_command = set(), []
queue = [[]]
while queue:
    path = queue.pop(0)
    options, commands = sections(help_of(path))
    every_option |= options
    for c in commands:
        every_command.append(path + [c])
        queue.append(path + [c])

problems = 0
texts = {
    "bash": open(bash_file, encoding="utf-8").read(),
    "zsh": open(zsh_file, encoding="utf-8").read(),
    # roff: \- is a hyphen, \fB…\fR a change of font.
    "man": re.sub(r"\\f[BIRP]", "", open(man_file, encoding="utf-8").read().replace("\\-", "-")),
}
if len(every_command) < 7 or len(every_option) < 20:
    print(f"too few commands ({len(every_command)}) or options ({len(every_option)}) read from --help")
    problems += 1
for name, text in texts.items():
    for option in sorted(every_option):
        if not re.search(r"(?<![\w-])" + re.escape(option) + r"(?![\w-])", text):
            print(f"{name}: option {option} missing")
            problems += 1
    for command in every_command:
        word = command[-1]
        if not re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text):
            print(f"{name}: command {' '.join(command)} missing")
            problems += 1
    if name == "man":
        for command in every_command:
            if ".SS jxaudit " + " ".join(command) not in text:
                print(f"man: no section for jxaudit {' '.join(command)}")
                problems += 1
print(f"{len(every_command)} commands, {len(every_option)} options, {problems} problems")
sys.exit(1 if problems else 0)
