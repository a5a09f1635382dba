#include "cli/cli_docs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/version.hpp"

namespace jx::cli {
namespace {

// What completion and the man page need to know of one option or argument,
// read off CLI11's definition.
struct Opt {
  std::vector<std::string> names;  // "-o", "--output"; a positional's name ("data")
  std::string description;
  bool takes_value = false;
  std::vector<std::string> choices;  // from an IsMember check: {zh,en}
  bool numeric = false;              // a count or a size: nothing to complete
  std::string value_name;            // for the man page: FILE, N, zh|en
};

struct Cmd {
  std::vector<std::string> path;  // {} for jxaudit itself, {"rules", "diff"}
  std::string description;
  std::vector<Opt> options;
  std::vector<Opt> positionals;
  std::vector<Cmd> children;

  [[nodiscard]] std::string joined() const {
    std::string out;
    for (const std::string& p : path) out += (out.empty() ? "" : " ") + p;
    return out;
  }
};

Opt read_option(const CLI::Option& o) {
  Opt opt;
  for (const std::string& s : o.get_snames()) opt.names.push_back("-" + s);
  for (const std::string& l : o.get_lnames()) opt.names.push_back("--" + l);
  if (opt.names.empty()) opt.names.push_back(o.get_name(true, false));
  opt.description = o.get_description();
  opt.takes_value = o.get_items_expected_max() > 0 || o.get_positional();  // flags expect 0
  // CLI11 names the type and its checks "TEXT:{zh,en}", "UINT", "TEXT:FILE".
  const std::string type = o.get_type_name();
  const auto open = type.find('{');
  const auto close = type.find('}', open == std::string::npos ? 0 : open);
  if (open != std::string::npos && close != std::string::npos) {
    std::string set = type.substr(open + 1, close - open - 1);
    for (std::size_t start = 0; start <= set.size();) {
      const auto comma = std::min(set.find(',', start), set.size());
      if (comma > start) opt.choices.push_back(set.substr(start, comma - start));
      start = comma + 1;
    }
  }
  opt.numeric = type.rfind("UINT", 0) == 0 || type.rfind("INT", 0) == 0 || type.rfind("FLOAT", 0) == 0 ||
                type.rfind("NUMBER", 0) == 0 || type.rfind("POSITIVE", 0) == 0;
  if (!opt.choices.empty()) {
    for (const std::string& c : opt.choices) opt.value_name += (opt.value_name.empty() ? "" : "|") + c;
  } else if (opt.numeric) {
    opt.value_name = "N";
  } else if (opt.takes_value) {
    opt.value_name = o.get_positional() ? "" : "VALUE";
  }
  return opt;
}

// Commands with an empty group are hidden (the ones in this file).
Cmd read_command(const CLI::App& app, std::vector<std::string> path) {
  Cmd cmd;
  cmd.path = std::move(path);
  cmd.description = app.get_description();
  for (const CLI::Option* o : app.get_options()) {
    (o->get_positional() && o->get_lnames().empty() && o->get_snames().empty() ? cmd.positionals
                                                                               : cmd.options)
        .push_back(read_option(*o));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); })) {
    std::vector<std::string> child = cmd.path;
    child.push_back(sub->get_name());
    cmd.children.push_back(read_command(*sub, child));
  }
  return cmd;
}

template <typename F>
void each_command(const Cmd& cmd, const F& visit) {
  visit(cmd);
  for (const Cmd& child : cmd.children) each_command(child, visit);
}

std::string words(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : " ") + i;
  return out;
}

std::vector<std::string> option_names(const std::vector<Opt>& options) {
  std::vector<std::string> out;
  for (const Opt& o : options)
    for (const std::string& n : o.names) out.push_back(n);
  return out;
}

std::vector<std::string> child_names(const Cmd& cmd) {
  std::vector<std::string> out;
  for (const Cmd& c : cmd.children) out.push_back(c.path.back());
  return out;
}

// The part of both shells' scripts that finds the command being completed:
// words that name a subcommand at their level, skipping options' values.
std::string command_walk(const Cmd& root, const std::string& first_index, const std::string& word) {
  std::vector<std::string> valued;
  each_command(root, [&](const Cmd& c) {
    for (const Opt& o : c.options)
      if (o.takes_value)
        for (const std::string& n : o.names) valued.push_back(n);
  });
  std::sort(valued.begin(), valued.end());
  valued.erase(std::unique(valued.begin(), valued.end()), valued.end());
  std::string out =
      fmt::format("  local cmd='' w i skip=0\n  for ((i={}; i<{}; i++)); do\n    w=${{{}[i]}}\n", first_index,
                  word, word == "COMP_CWORD" ? "COMP_WORDS" : "words");
  out += "    if ((skip)); then skip=0; continue; fi\n    case \"$cmd:$w\" in\n";
  each_command(root, [&](const Cmd& c) {
    for (const Cmd& child : c.children)
      out += fmt::format("      '{}:{}') cmd='{}' ;;\n", c.joined(), child.path.back(), child.joined());
  });
  std::string alternatives;
  for (const std::string& v : valued) alternatives += (alternatives.empty() ? "*:" : "|*:") + v;
  if (!alternatives.empty()) out += "      " + alternatives + ") skip=1 ;;\n";
  out += "    esac\n  done\n";
  return out;
}

// Global options count at every level (they may come after the command).
std::vector<Opt> options_at(const Cmd& root, const Cmd& cmd) {
  std::vector<Opt> all = cmd.options;
  if (&cmd != &root) all.insert(all.end(), root.options.begin(), root.options.end());
  return all;
}

std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

// One 'name:description' item for zsh's _describe, in single quotes; a colon
// inside the name or the description is escaped, the separator is not.
std::string zsh_item(const std::string& name, const std::string& description) {
  auto escape = [](const std::string& text) {
    std::string out;
    for (const char c : text) {
      if (c == '\'') {
        out += "'\\''";
      } else if (c == ':') {
        out += "\\:";
      } else if (c == '\n') {
        out += ' ';
      } else {
        out += c;
      }
    }
    return out;
  };
  return "'" + escape(name) + ":" + escape(description) + "'";
}

}  // namespace

std::string bash_completion(const CLI::App& app) {
  const Cmd root = read_command(app, {});
  std::string out =
      "# bash completion for jxaudit; generated by `jxaudit completion bash` from its\n"
      "# command-line definition (engine/cli/cli_docs.cpp). Do not edit.\n"
      "_jxaudit() {\n"
      "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n";
  out += command_walk(root, "1", "COMP_CWORD");
  // An option's value: its choices, nothing for a number, else a file name.
  out += "  case \"$cmd:$prev\" in\n";
  each_command(root, [&](const Cmd& c) {
    for (const Opt& o : c.options) {
      if (!o.takes_value) continue;
      const std::string scope = &c == &root ? "*" : "'" + c.joined() + "'";
      for (const std::string& n : o.names) {
        if (!o.choices.empty()) {
          out += fmt::format("    {}:{}) COMPREPLY=($(compgen -W '{}' -- \"$cur\")); return ;;\n", scope, n,
                             words(o.choices));
        } else if (o.numeric) {
          out += fmt::format("    {}:{}) COMPREPLY=(); return ;;\n", scope, n);
        } else {
          out += fmt::format("    {}:{}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", scope, n);
        }
      }
    }
  });
  out += "  esac\n  local opts='' commands=''\n  case \"$cmd\" in\n";
  each_command(root, [&](const Cmd& c) {
    out += fmt::format("    '{}') opts='{}'; commands='{}' ;;\n", c.joined(),
                       words(option_names(options_at(root, c))), words(child_names(c)));
  });
  out +=
      "  esac\n"
      "  if [[ $cur == -* ]]; then\n"
      "    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
      "  elif [[ -n $commands ]]; then\n"
      "    COMPREPLY=($(compgen -W \"$commands\" -- \"$cur\"))\n"
      "  else\n"
      "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "  fi\n"
      "}\n"
      "complete -o filenames -o bashdefault -F _jxaudit jxaudit\n";
  return out;
}

std::string zsh_completion(const CLI::App& app) {
  const Cmd root = read_command(app, {});
  std::string out =
      "#compdef jxaudit\n"
      "# zsh completion for jxaudit; generated by `jxaudit completion zsh` from its\n"
      "# command-line definition (engine/cli/cli_docs.cpp). Do not edit.\n"
      "_jxaudit() {\n"
      "  local cur=${words[CURRENT]} prev=${words[CURRENT-1]}\n";
  out += command_walk(root, "2", "CURRENT");
  out += "  case \"$cmd:$prev\" in\n";
  each_command(root, [&](const Cmd& c) {
    for (const Opt& o : c.options) {
      if (!o.takes_value) continue;
      const std::string scope = &c == &root ? "*" : "'" + c.joined() + "'";
      for (const std::string& n : o.names) {
        if (!o.choices.empty()) {
          out += fmt::format("    {}:{}) compadd -- {}; return ;;\n", scope, n, words(o.choices));
        } else if (o.numeric) {
          out += fmt::format("    {}:{}) _message 'a number'; return ;;\n", scope, n);
        } else {
          out += fmt::format("    {}:{}) _files; return ;;\n", scope, n);
        }
      }
    }
  });
  out += "  esac\n  local -a opts commands\n  case \"$cmd\" in\n";
  each_command(root, [&](const Cmd& c) {
    std::string opts;
    for (const Opt& o : options_at(root, c))
      for (const std::string& n : o.names) opts += " " + zsh_item(n, o.description);
    std::string commands;
    for (const Cmd& child : c.children) commands += " " + zsh_item(child.path.back(), child.description);
    out += fmt::format("    '{}') opts=({}); commands=({}) ;;\n", c.joined(), opts, commands);
  });
  out +=
      "  esac\n"
      "  if [[ $cur == -* ]]; then\n"
      "    _describe -t options option opts\n"
      "  elif (( ${#commands} )); then\n"
      "    _describe -t commands command commands\n"
      "  else\n"
      "    _files\n"
      "  fi\n"
      "}\n"
      "_jxaudit \"$@\"\n";
  return out;
}

std::string man_page(const CLI::App& app, const std::string& version) {
  const Cmd root = read_command(app, {});
  std::string out = fmt::format(
      ".\\\" Generated by `jxaudit manpage` from its command-line definition. Do not edit.\n"
      ".TH JXAUDIT 1 \"\" \"jxaudit {}\" \"User Commands\"\n"
      ".SH NAME\njxaudit \\- check a department's performance self-evaluation against an audit rule set\n"
      ".SH SYNOPSIS\n.B jxaudit\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] "
      "[\\fIARGUMENTS\\fR]\n"
      ".SH DESCRIPTION\n{}\n",
      version, roff(root.description));
  auto option_list = [&out](const std::vector<Opt>& options) {
    for (const Opt& o : options) {
      std::string names;
      for (const std::string& n : o.names) names += (names.empty() ? "" : ", ") + ("\\fB" + roff(n) + "\\fR");
      if (!o.value_name.empty()) names += " \\fI" + roff(o.value_name) + "\\fR";
      out += ".TP\n" + names + "\n" + roff(o.description) + "\n";
    }
  };
  out += ".SH GLOBAL OPTIONS\nThese may come before or after the command.\n";
  option_list(root.options);
  out += ".SH COMMANDS\n";
  each_command(root, [&](const Cmd& c) {
    if (&c == &root) return;
    std::string synopsis = "jxaudit " + c.joined();
    if (!c.options.empty()) synopsis += " [OPTIONS]";
    for (const Opt& p : c.positionals) synopsis += " " + p.names.front();
    if (!c.children.empty()) synopsis += " COMMAND";
    out += ".SS " + roff(synopsis) + "\n" + roff(c.description) + "\n";
    if (!c.positionals.empty()) {
      out += ".PP\nArguments:\n";
      option_list(c.positionals);
    }
    if (!c.options.empty()) {
      out += ".PP\nOptions:\n";
      option_list(c.options);
    }
  });
  out += ".SH EXIT STATUS\n" + roff(app.get_footer()) +
         "\n.SH FILES\nRule sets, calendars, schemas and samples under \\fIshare/jxaudit\\fR beside the "
         "binary's "
         "\\fIbin\\fR, or \\fB$JXAUDIT_HOME\\fR.\n"
         ".SH SEE ALSO\nThe documents under \\fIshare/jxaudit/docs\\fR: cli.md (every command), "
         "data\\-format.md, "
         "scoring.md, rule\\-api.md.\n";
  return out;
}

std::vector<Command> add_doc_commands(CLI::App& app) {
  auto shell = std::make_shared<std::string>();
  CLI::App* completion = app.add_subcommand("completion", "Print the shell completion script");
  completion->group("");  // hidden: for the build, not for users
  completion->add_option("shell", *shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  CLI::App* manpage = app.add_subcommand("manpage", "Print the man page (roff)");
  manpage->group("");
  return {
      {completion,
       [&app, shell] {
         std::cout << (*shell == "bash" ? bash_completion(app) : zsh_completion(app));
         return exit_ok;
       }},
      {manpage,
       [&app] {
         std::cout << man_page(app, engine_version);
         return exit_ok;
       }},
  };
}

}  // namespace jx::cli
