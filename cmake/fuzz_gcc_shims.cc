// GCC's -fsanitize-coverage=trace-cmp also traces floating-point comparisons, which libFuzzer's
// runtime does not implement; they carry no guidance for text parsers, so they do nothing here.
// Linked into fuzz targets built with GCC only (cmake/fuzz.cmake).
#include <cstdint>

extern "C" {
void __sanitizer_cov_trace_cmpf(float, float) {}
void __sanitizer_cov_trace_cmpd(double, double) {}
}
