// Internal to engine/sandbox: the pool of small blocks behind the Lua state's
// allocator. A rule run makes hundreds of thousands of short-lived objects of a
// few sizes (decs, dates, views, small tables and strings); a free list per
// 16-byte size class serves them in a few instructions, where malloc and free
// take a hundred or more each. The blocks lie in one address range reserved up
// front, so a block is known to be the pool's by its address alone; larger
// requests, and all requests once the range is used up, go to malloc. The range
// is reserved, not committed: a page costs memory only once a block on it has
// been used, and the pool never holds more than the state's peak of small
// blocks. Knows nothing of Lua.
#pragma once

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define JX_POISON(block, size) ASAN_POISON_MEMORY_REGION((block), (size))
#define JX_UNPOISON(block, size) ASAN_UNPOISON_MEMORY_REGION((block), (size))
#else
#define JX_POISON(block, size) ((void)(block), (void)(size))
#define JX_UNPOISON(block, size) ((void)(block), (void)(size))
#endif

namespace jx::sandbox::detail {

class SmallBlocks {
 public:
  static constexpr std::size_t granule = 16;    // sizes round up to this; blocks are aligned to it
  static constexpr std::size_t max_size = 256;  // larger blocks come from malloc

  SmallBlocks() = default;
  ~SmallBlocks() {
    if (base_ != nullptr) {
      JX_UNPOISON(base_, static_cast<std::size_t>(end_ - base_));
      munmap(base_, static_cast<std::size_t>(end_ - base_));
    }
  }
  SmallBlocks(const SmallBlocks&) = delete;
  SmallBlocks& operator=(const SmallBlocks&) = delete;

  // Reserves `bytes` of address space (rounded down to whole pages) for the
  // pool; before this, or if the system refuses, every block comes from malloc.
  void reserve(std::size_t bytes) {
    bytes &= ~static_cast<std::size_t>(4095);
    if (base_ != nullptr || bytes == 0) return;
    void* range =
        mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (range == MAP_FAILED) return;
    base_ = next_ = static_cast<char*>(range);
    end_ = base_ + bytes;
    JX_POISON(base_, bytes);
  }

  // A block of `size` (> 0) bytes, or null when out of memory.
  void* allocate(std::size_t size) {
    if (size > max_size) return std::malloc(size);
    const std::size_t c = size_class(size);
    if (FreeBlock* block = free_[c]) {
      JX_UNPOISON(block, sizeof(FreeBlock));
      free_[c] = block->next;
      JX_POISON(block, sizeof(FreeBlock));
      JX_UNPOISON(block, size);
      return block;
    }
    const std::size_t bytes = (c + 1) * granule;
    if (static_cast<std::size_t>(end_ - next_) >= bytes) {
      void* block = next_;
      next_ += bytes;
      JX_UNPOISON(block, size);
      return block;
    }
    return std::malloc(size);
  }

  // Gives back a block that allocate or resize returned with this `size`.
  void release(void* block, std::size_t size) {
    if (size > max_size || !owns(block)) {  // the size first: the cheaper test
      std::free(block);
      return;
    }
    auto* free_block = static_cast<FreeBlock*>(block);
    const std::size_t c = size_class(size);
    JX_UNPOISON(block, sizeof(FreeBlock));  // a block smaller than the link
    free_block->next = free_[c];
    free_[c] = free_block;
    JX_POISON(block, (c + 1) * granule);
  }

  // realloc for a block of `old_size`: null when growing fails (the block is
  // then unchanged); shrinking never fails.
  void* resize(void* block, std::size_t old_size, std::size_t new_size) {
    const bool mine = owns(block);
    if (mine && new_size <= max_size && size_class(new_size) == size_class(old_size)) {
      JX_POISON(block, (size_class(old_size) + 1) * granule);
      JX_UNPOISON(block, new_size);
      return block;
    }
    if (!mine && new_size > max_size) return std::realloc(block, new_size);
    void* fresh = allocate(new_size);
    if (fresh == nullptr) return new_size <= old_size ? block : nullptr;  // a shrink keeps its block
    std::memcpy(fresh, block, std::min(old_size, new_size));
    release(block, old_size);
    return fresh;
  }

  // Whether `block` lies in the pool's range (else it came from malloc).
  [[nodiscard]] bool owns(const void* block) const {
    const auto address = reinterpret_cast<std::uintptr_t>(block);
    return address - reinterpret_cast<std::uintptr_t>(base_) < static_cast<std::uintptr_t>(end_ - base_);
  }

 private:
  struct FreeBlock {
    FreeBlock* next;
  };
  static std::size_t size_class(std::size_t size) { return (size - 1) / granule; }

  char* base_ = nullptr;
  char* next_ = nullptr;  // the range is handed out from here up
  char* end_ = nullptr;
  std::array<FreeBlock*, max_size / granule> free_{};
};

}  // namespace jx::sandbox::detail

#undef JX_POISON
#undef JX_UNPOISON
