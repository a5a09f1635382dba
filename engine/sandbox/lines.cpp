// executable_lines: which lines of a Lua source hold code, for the coverage
// report of `jxaudit test` ("lines the fixtures never ran"). Lua's own
// debug.getinfo(f, "L") lists the lines of one function only, and nested
// functions (check, local helpers) are out of reach before they run; the
// compiled chunk holds every function, so the chunk is compiled (text only,
// never run) and its dump is read: each function's instruction lines, the way
// ldebug.c's collectvalidlines counts them (a vararg function's first
// instruction, VARARGPREP, is skipped: no line hook reports it). The main
// chunk's own lines are left out: they run once when the rule loads, before
// any fixture, so they say nothing about what the fixtures reach.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include "sandbox/runtime.hpp"

namespace jx::sandbox {
namespace {

// A reader of Lua 5.4's dump format (ldump.c); throws std::runtime_error on
// anything unexpected, which executable_lines turns into "no lines known".
class DumpReader {
 public:
  explicit DumpReader(const std::string& bytes) : bytes_(bytes) {}

  void header() {
    if (bytes_.compare(0, 4, "\x1bLua") != 0) fail();
    at_ = 4;
    if (byte() != 0x54 || byte() != 0) fail();  // version 5.4, official format
    skip(6);                                    // LUAC_DATA
    const int instruction = byte();
    const int integer = byte();
    const int number = byte();
    if (instruction != 4) fail();
    integer_size_ = static_cast<std::size_t>(integer);
    number_size_ = static_cast<std::size_t>(number);
    skip(integer_size_ + number_size_);  // LUAC_INT, LUAC_NUM
    (void)byte();                        // the main closure's upvalue count
  }

  void function(std::set<int>& lines, bool main_chunk) {
    skip_string();  // source
    const int line_defined = static_cast<int>(size());
    (void)size();  // lastlinedefined
    (void)byte();  // numparams
    const bool vararg = byte() != 0;
    (void)byte();  // maxstacksize
    skip(size() * 4);
    for (std::size_t k = size(); k > 0; --k) {  // constants
      switch (byte()) {
        case 0:
        case 1:
        case 17: break;  // nil, false, true
        case 3: skip(integer_size_); break;
        case 19: skip(number_size_); break;
        case 4:
        case 20: skip_string(); break;
        default: fail();
      }
    }
    skip(size() * 3);                                                 // upvalues: instack, idx, kind
    for (std::size_t p = size(); p > 0; --p) function(lines, false);  // nested functions
    const std::size_t code = size();
    const std::size_t info_at = at_;
    skip(code);
    std::vector<std::pair<std::size_t, int>> absolute;
    for (std::size_t a = size(); a > 0; --a) {
      const std::size_t pc = size();
      absolute.emplace_back(pc, static_cast<int>(size()));
    }
    int line = line_defined;
    std::size_t next_absolute = 0;
    for (std::size_t pc = 0; pc < code; ++pc) {
      const auto delta = static_cast<std::int8_t>(bytes_[info_at + pc]);
      if (delta == -0x80) {  // ABSLINEINFO
        if (next_absolute >= absolute.size() || absolute[next_absolute].first != pc) fail();
        line = absolute[next_absolute++].second;
      } else {
        line += delta;
      }
      if (!main_chunk && !(vararg && pc == 0)) lines.insert(line);
    }
    for (std::size_t v = size(); v > 0; --v) {  // local variables
      skip_string();
      (void)size();
      (void)size();
    }
    for (std::size_t u = size(); u > 0; --u) skip_string();  // upvalue names
  }

 private:
  [[noreturn]] static void fail() { throw std::runtime_error("unexpected Lua dump"); }

  int byte() {
    if (at_ >= bytes_.size()) fail();
    return static_cast<unsigned char>(bytes_[at_++]);
  }
  void skip(std::size_t n) {
    if (n > bytes_.size() - at_) fail();
    at_ += n;
  }
  // ldump.c's dumpSize: 7 bits a byte, most significant first, the last byte marked.
  std::size_t size() {
    std::size_t x = 0;
    for (int b = byte();; b = byte()) {
      if (x > (SIZE_MAX >> 7)) fail();
      x = (x << 7) | static_cast<std::size_t>(b & 0x7f);
      if ((b & 0x80) != 0) return x;
    }
  }
  void skip_string() {
    const std::size_t n = size();
    if (n > 0) skip(n - 1);
  }

  const std::string& bytes_;
  std::size_t at_ = 0;
  std::size_t integer_size_ = 8;
  std::size_t number_size_ = 8;
};

int write_dump(lua_State*, const void* p, std::size_t size, void* out) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(p), size);
  return 0;
}

}  // namespace

std::set<int> executable_lines(const std::string& text, const std::string& path) {
  lua_State* L = luaL_newstate();  // compile only: no library, nothing runs
  if (L == nullptr) return {};
  std::string dump;
  const std::string chunkname = "@" + path;
  if (luaL_loadbufferx(L, text.data(), text.size(), chunkname.c_str(), "t") == LUA_OK) {
    lua_dump(L, write_dump, &dump, 0);
  }
  lua_close(L);
  std::set<int> lines;
  if (dump.empty()) return lines;
  try {
    DumpReader reader(dump);
    reader.header();
    reader.function(lines, true);
  } catch (const std::runtime_error&) {
    return {};
  }
  return lines;
}

}  // namespace jx::sandbox
