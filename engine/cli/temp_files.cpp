#include "cli/temp_files.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>

namespace jx::cli {
namespace {

// A report, a summary and a compare report at most are open at once; 8 leaves room.
constexpr int kSlots = 8;
constexpr std::size_t kPathMax = 4096;

struct Slot {
  std::atomic<bool> used{false};
  std::array<char, kPathMax> path{};
};

std::array<Slot, kSlots> slots;
std::mutex registry_mutex;  // between threads only; the handler never locks

extern "C" void remove_and_reraise(int signal_number) {
  for (Slot& slot : slots) {
    if (slot.used.load(std::memory_order_acquire)) ::unlink(slot.path.data());
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

}  // namespace

void install_temp_file_cleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    // SIGXFSZ (a file-size limit, ulimit -f) is ignored rather than handled:
    // the write then fails with EFBIG, which Output reports like a full disk,
    // and the temporary file is removed on the normal path.
    std::signal(SIGXFSZ, SIG_IGN);
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction action {};
      action.sa_handler = remove_and_reraise;
      sigemptyset(&action.sa_mask);
      ::sigaction(signal_number, &action, nullptr);
    }
  });
}

int remove_on_signal(const char* path) {
  if (std::strlen(path) >= kPathMax) return -1;
  std::lock_guard lock(registry_mutex);
  for (int i = 0; i < kSlots; ++i) {
    if (!slots[i].used.load(std::memory_order_relaxed)) {
      std::strcpy(slots[i].path.data(), path);
      slots[i].used.store(true, std::memory_order_release);
      return i;
    }
  }
  return -1;
}

void forget_on_signal(int slot) {
  if (slot < 0) return;
  std::lock_guard lock(registry_mutex);
  slots[slot].used.store(false, std::memory_order_release);
}

}  // namespace jx::cli
