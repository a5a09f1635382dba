// The departments of a batch between the thread that lists and reads them
// (files by name, stdin records whole) and the workers that check them: a
// queue of bounded length, so that a batch on stdin holds at most `capacity`
// records in memory however long it is, and the workers start on the first
// record while the rest is still being read.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

#include "cli/inputs.hpp"

namespace jx::cli {

class InputQueue {
 public:
  explicit InputQueue(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // Adds the next input, waiting while the queue is full. False once the
  // queue was aborted (the input is dropped).
  bool push(DepartmentInput input) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return aborted_ || items_.size() < capacity_; });
    if (aborted_) return false;
    items_.emplace_back(pushed_++, std::move(input));
    ready_.notify_one();
    return true;
  }
  // No more inputs: pop() returns nullopt once the queue is empty.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }
  // Stops both sides at once: push() and pop() return at once.
  void abort() {
    std::lock_guard lock(mutex_);
    aborted_ = true;
    items_.clear();
    ready_.notify_all();
    room_.notify_all();
  }
  // The next input and its number in input order (0-based), or nullopt when
  // the queue is closed and empty, or aborted.
  std::optional<std::pair<std::size_t, DepartmentInput>> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return aborted_ || closed_ || !items_.empty(); });
    if (aborted_ || items_.empty()) return std::nullopt;
    auto item = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return item;
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable room_;
  std::deque<std::pair<std::size_t, DepartmentInput>> items_;
  std::size_t pushed_ = 0;
  bool closed_ = false;
  bool aborted_ = false;
};

}  // namespace jx::cli
