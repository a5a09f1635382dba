// Temporary files that must not outlive the process: an atomic report is
// written to a hidden temporary file beside its target, and a signal that ends
// jxaudit (INT, TERM, HUP) must not leave it behind. The registry is a
// fixed table of paths so that the signal handler only calls unlink(2), which
// is async-signal-safe. SIGXFSZ is ignored instead, so that exceeding a file
// size limit is a failed write with a message (exit 2), like a full disk.
#pragma once

namespace jx::cli {

// Installs the handlers once (idempotent). A handled signal removes every
// registered file, then re-raises itself with the default action so the exit
// status still says which signal ended the process.
void install_temp_file_cleanup();

// Returns a slot for remove_on_signal's bookkeeping, or -1 when the table is
// full (the file is then only removed by its owner's destructor).
int remove_on_signal(const char* path);
void forget_on_signal(int slot);

}  // namespace jx::cli
