#include "storage/row.h"

namespace ladder::storage::internal {

long long GetInt(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<long long>(r.get<double>(i));
    case soci::dt_string:
      return std::stoll(r.get<std::string>(i));
    default:
      return 0;
  }
}
double GetDouble(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  if (r.get_properties(i).get_data_type() == soci::dt_double) return r.get<double>(i);
  if (r.get_properties(i).get_data_type() == soci::dt_string)
    return std::stod(r.get<std::string>(i));
  return static_cast<double>(GetInt(r, i));
}

std::string GetStr(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return {};
  if (r.get_properties(i).get_data_type() != soci::dt_string) return std::to_string(GetInt(r, i));
  return r.get<std::string>(i);
}

}  // namespace ladder::storage::internal
