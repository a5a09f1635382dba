// What every narrative target asks of a report that was read: extraction and
// the relations never crash, every fact and finding points inside the report,
// every interval is ordered, and each renderer gives valid UTF-8. Findings are
// facts about the report, so an input may have any; none may be malformed.
#pragma once

#include <string>

#include "narrative/detail.hpp"
#include "narrative/narrative.hpp"
#include "support.hpp"

namespace jx::fuzz {

inline void check_result(const narrative::Result& result) {
  using namespace jx::narrative;
  namespace nd = jx::narrative::detail;
  const Extraction& x = result.extraction;
  for (const Sentence& s : x.sentences) {
    if (!nd::valid_utf8(s.text) || !nd::valid_utf8(s.quote)) fail("a sentence is not UTF-8");
  }
  for (const Fact& f : x.facts) {
    if (f.sentence >= x.sentences.size()) fail("a fact's sentence is out of range");
    const std::string& text = x.sentences[f.sentence].text;
    if (f.begin > f.end || f.end > text.size()) fail("a fact's byte range is outside its sentence");
    if (f.number.empty() || f.unit.empty()) fail("a fact without number or unit");
    if (Decimal::parse(f.number) != f.value) fail("a fact's value is not its number: " + f.number);
    if (f.decimals < 0) fail("negative stated precision");
    if (f.quote.empty() || !nd::valid_utf8(f.quote) || !nd::valid_utf8(f.label)) fail("bad quote or label");
    const nd::Interval i = nd::interval_of(f);
    if (i.hi < i.lo || (i.hi == i.lo && (i.lo_open || i.hi_open))) fail("an empty interval for " + f.number);
    if (i.lo > f.value || i.hi < f.value) fail("the stated value lies outside its interval: " + f.number);
  }
  for (const Finding& g : result.findings) {
    if (g.evidence.empty()) fail("a finding without figures: " + g.id);
    for (const Evidence& e : g.evidence) {
      if (e.fact >= x.facts.size()) fail("a finding cites a fact out of range: " + g.id);
    }
    if (g.id.empty() || g.message_zh.empty() || g.message_en.empty()) fail("a finding without id or message");
    if (!nd::valid_utf8(g.message_zh) || !nd::valid_utf8(g.message_en) || !nd::valid_utf8(g.quote))
      fail("a finding's text is not UTF-8: " + g.id);
  }
  const std::vector<Result> results{result};
  for (const Lang lang : {Lang::zh, Lang::en}) {
    if (!nd::valid_utf8(render_text(results, lang))) fail("render_text is not UTF-8");
    if (!nd::valid_utf8(render_json(results, lang))) fail("render_json is not UTF-8");
    if (!nd::valid_utf8(render_csv(results, lang))) fail("render_csv is not UTF-8");
  }
}

// Extracts and checks a document that was read, then the invariants above.
inline narrative::Result check_document(narrative::Document document) {
  narrative::Result result;
  result.document = std::move(document);
  result.extraction = narrative::extract(result.document);
  result.findings = narrative::check(result.extraction);
  check_result(result);
  return result;
}

}  // namespace jx::fuzz
