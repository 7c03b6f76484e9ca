#include "cli/leak_flags.h"

#include <cstdio>

#include "app/outputs.h"

namespace ladder::cli {

void AddLeakFlags(CLI::App* command, LeakFlags& flags) {
  command->add_option("--internal-domain", flags.internal_domains,
                      "A domain of the organisation's own (it and its sub-domains are reported "
                      "as internal); repeatable, added to $LADDER_INTERNAL_DOMAINS");
  command->add_option("--allow-link", flags.allow,
                      "Let a link through the leak check: a URL prefix, an e-mail address or a "
                      "host; repeatable, added to $LADDER_ALLOW_LINKS and the framework's "
                      "allow_links");
}

analysis::LeakOptions LeakOptionsOf(const LeakFlags& flags) {
  analysis::LeakOptions options = app::OutputSettings::FromEnvironment().leaks;
  options.internal_domains.insert(options.internal_domains.end(), flags.internal_domains.begin(),
                                  flags.internal_domains.end());
  options.allow.insert(options.allow.end(), flags.allow.begin(), flags.allow.end());
  return options;
}

int ReportLeaks(const std::vector<analysis::Leak>& leaks, const std::string& name) {
  int count = 0;
  for (const analysis::Leak& l : leaks) {
    if (l.allowed) continue;
    ++count;
    std::string where = l.where.Known() ? l.where.ToString() : name;
    std::fprintf(stderr, "%s: %s: %s\n", where.c_str(), l.field.c_str(), l.message.c_str());
  }
  return count;
}

}  // namespace ladder::cli
