// NDJSON records from stdin (engine/cli/record_reader.hpp): lines split across
// read blocks, blank lines skipped but counted, CRLF kept for the loader, a
// last line without its newline, and a line over the size limit refused by
// its size without being kept.
#include "cli/record_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

namespace {

using jx::cli::DepartmentInput;
using jx::cli::RecordReader;

// Every record of `text` written through a pipe (in one go, from a thread, so
// that a text larger than the pipe's buffer does not block).
std::vector<DepartmentInput> records(const std::string& text, std::uint64_t max_size = UINT64_MAX) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  std::thread writer([&] {
    std::size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = write(fds[1], text.data() + done, text.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    close(fds[1]);
  });
  std::vector<DepartmentInput> out;
  RecordReader reader(fds[0], max_size);
  DepartmentInput record;
  while (reader.next(record)) out.push_back(record);
  writer.join();
  close(fds[0]);
  return out;
}

TEST(RecordReader, NamesEachRecordByItsLineAndSkipsBlankLines) {
  const auto r = records("{\"a\":1}\n\n  \t\n{\"b\":2}\r\n{\"c\":3}");
  ASSERT_EQ(r.size(), 3U);
  EXPECT_EQ(r[0].name, "<stdin>:1");
  EXPECT_EQ(r[0].text, "{\"a\":1}");
  EXPECT_EQ(r[1].name, "<stdin>:4");
  EXPECT_EQ(r[1].text, "{\"b\":2}\r");  // the loader reads the CR as whitespace; the hash covers it
  EXPECT_EQ(r[2].name, "<stdin>:5");
  EXPECT_EQ(r[2].text, "{\"c\":3}");  // the last line needs no newline
  for (const auto& d : r) {
    EXPECT_TRUE(d.from_stdin);
    EXPECT_EQ(d.refused_size, 0U);
  }
}

TEST(RecordReader, EmptyInputHasNoRecord) {
  EXPECT_TRUE(records("").empty());
  EXPECT_TRUE(records("\n\n \r\n").empty());
}

TEST(RecordReader, ALineLongerThanABlockIsWhole) {
  const std::string big = "{\"x\":\"" + std::string(3 << 20, 'a') + "\"}";
  const auto r = records(big + "\n{}\n");
  ASSERT_EQ(r.size(), 2U);
  EXPECT_EQ(r[0].text, big);
  EXPECT_EQ(r[1].name, "<stdin>:2");
  EXPECT_EQ(r[1].text, "{}");
}

TEST(RecordReader, ALineOverTheLimitIsRefusedByItsSizeNotKept) {
  const std::string big(2'500'000, 'x');
  const auto r = records("{}\n" + big + "\n{\"y\":1}\n", 1000);
  ASSERT_EQ(r.size(), 3U);
  EXPECT_EQ(r[0].refused_size, 0U);
  EXPECT_EQ(r[1].name, "<stdin>:2");
  EXPECT_EQ(r[1].refused_size, 2'500'000U);
  EXPECT_TRUE(r[1].text.empty());
  EXPECT_EQ(r[2].text, "{\"y\":1}");
  // Exactly at the limit is kept.
  const auto at = records(std::string(1000, 'z') + "\n", 1000);
  ASSERT_EQ(at.size(), 1U);
  EXPECT_EQ(at[0].refused_size, 0U);
  EXPECT_EQ(at[0].text.size(), 1000U);
}

}  // namespace
