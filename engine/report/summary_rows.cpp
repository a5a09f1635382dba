#include "report/summary_rows.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace jx::report {

namespace {

// A row packed as length-prefixed fields. Decimals go as their exact parts
// (coefficient and exponent, or numerator and denominator of a fraction), so
// that a row read back is the very value added, never a rounded display text.
void put(std::string& out, std::string_view field) {
  const auto n = static_cast<std::uint32_t>(field.size());
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out.append(field);
}

void put_decimal(std::string& out, const Decimal& d) {
  if (d.is_fraction()) {
    put(out, "f");
    put(out, d.numerator().str());
    put(out, d.denominator().str());
  } else {
    put(out, "d");
    put(out, d.coefficient().str());
    put(out, std::to_string(d.exponent()));
  }
}

// A temporary file in $TMPDIR (else /tmp), unlinked at once: it disappears
// when closed or when the process dies. (std::tmpfile ignores TMPDIR.)
std::FILE* anonymous_temp_file() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/jxaudit-summary-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) return nullptr;
  unlink(path.c_str());
  std::FILE* file = fdopen(fd, "w+b");
  if (file == nullptr) close(fd);
  return file;
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  [[nodiscard]] bool done() const { return at_ == data_.size(); }

  std::string_view field() {
    std::uint32_t n = 0;
    need(sizeof n);
    std::copy_n(data_.data() + at_, sizeof n, reinterpret_cast<char*>(&n));
    at_ += sizeof n;
    need(n);
    const std::string_view out = data_.substr(at_, n);
    at_ += n;
    return out;
  }

  Decimal decimal() {
    const std::string_view kind = field();
    const Decimal::Int first{std::string(field())};
    const std::string second(field());
    if (kind == "f") return Decimal(first, 0) / Decimal(Decimal::Int(second), 0);
    return Decimal(first, static_cast<std::int32_t>(std::stol(second)));
  }

  SummaryRow row() {
    SummaryRow r;
    r.file = field();
    r.code = field();
    r.name = field();
    r.total = decimal();
    if (field() == "1") r.self_total = decimal();
    r.grade = field();
    r.complete = field() == "1";
    r.findings = std::stoull(std::string(field()));
    r.verdict = static_cast<audit::Verdict::Kind>(std::stoi(std::string(field())));
    return r;
  }

 private:
  void need(std::size_t n) const {
    if (data_.size() - at_ < n) throw std::runtime_error("the batch summary's temporary file is damaged");
  }

  std::string_view data_;
  std::size_t at_ = 0;
};

}  // namespace

SummaryRows::SummaryRows(std::size_t memory_limit) : memory_limit_(memory_limit) {}

SummaryRows::~SummaryRows() {
  if (file_ != nullptr) std::fclose(file_);
}

void SummaryRows::add(const SummaryRow& row) {
  std::string packed;
  put(packed, row.file);
  put(packed, row.code);
  put(packed, row.name);
  put_decimal(packed, row.total);
  put(packed, row.self_total ? "1" : "0");
  if (row.self_total) put_decimal(packed, *row.self_total);
  put(packed, row.grade);
  put(packed, row.complete ? "1" : "0");
  put(packed, std::to_string(row.findings));
  put(packed, std::to_string(static_cast<int>(row.verdict)));
  // Each row is framed by its length, so reading back never splits one.
  put(buffer_, packed);
  ++count_;
  if (buffer_.size() >= memory_limit_ && !memory_only_) spill();
}

void SummaryRows::spill() {
  if (file_ == nullptr) {
    // Without a temporary file (no writable TMPDIR) the rows simply stay in memory.
    file_ = anonymous_temp_file();
    if (file_ == nullptr) {
      memory_only_ = true;
      return;
    }
  }
  if (std::fseek(file_, 0, SEEK_END) != 0 ||
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    throw std::runtime_error("cannot write the batch summary's temporary file (disk full?)");
  }
  buffer_.clear();
}

void SummaryRows::for_each(const std::function<void(const SummaryRow&)>& visit) const {
  auto visit_all = [&visit](std::string_view data) {
    Reader frames(data);
    while (!frames.done()) {
      Reader row(frames.field());
      visit(row.row());
    }
  };
  if (file_ != nullptr) {
    // Read back in chunks, carrying a partial row over to the next chunk.
    if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) {
      throw std::runtime_error("cannot read the batch summary's temporary file");
    }
    std::string pending;
    std::array<char, 65536> chunk{};
    while (true) {
      const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), file_);
      if (n == 0) break;
      pending.append(chunk.data(), n);
      std::size_t complete = 0;  // bytes of whole frames at the front of `pending`
      while (pending.size() - complete >= sizeof(std::uint32_t)) {
        std::uint32_t length = 0;
        std::copy_n(pending.data() + complete, sizeof length, reinterpret_cast<char*>(&length));
        if (pending.size() - complete - sizeof length < length) break;
        complete += sizeof length + length;
      }
      visit_all(std::string_view(pending).substr(0, complete));
      pending.erase(0, complete);
    }
    if (std::ferror(file_) != 0 || !pending.empty()) {
      throw std::runtime_error("cannot read the batch summary's temporary file");
    }
  }
  visit_all(buffer_);
}

}  // namespace jx::report
