# libFuzzer targets (LADDER_FUZZ=ON): every src/<layer>/*_fuzz.cc becomes an executable
# `<name>` linked with its layer's library; the custom target `fuzzers` builds them all.
# Build only `fuzzers` in a fuzzing build directory (scripts/fuzz.sh does): the other targets
# are not linked with the fuzzing runtime.
#
# Compilers (docs/fuzzing.md):
#  - Clang that can compile the project (std::expected needs Clang 16+ with libstdc++ 12):
#    -fsanitize=fuzzer-no-link on the project's code, -fsanitize=fuzzer on the targets;
#  - GCC (the default): GCC cannot emit libFuzzer's edge counters, so the project's code is
#    built with -fsanitize-coverage=trace-cmp (comparison tracing) and the targets link
#    clang-14's libFuzzer runtime; run with -use_value_profile=1 so comparisons guide the search.
set(LADDER_FUZZ_SANITIZE -fsanitize=address,undefined -fno-sanitize-recover=undefined
                         -fno-omit-frame-pointer -Wno-error=maybe-uninitialized)
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  set(LADDER_FUZZ_COMPILE ${LADDER_FUZZ_SANITIZE} -fsanitize=fuzzer-no-link)
  set(LADDER_FUZZ_LINK ${LADDER_FUZZ_SANITIZE} -fsanitize=fuzzer)
else()
  file(GLOB LADDER_LIBFUZZER
       /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a)
  if(NOT LADDER_LIBFUZZER)
    message(FATAL_ERROR "LADDER_FUZZ needs clang's libFuzzer runtime: apt-get install "
                        "clang-14 libclang-rt-14-dev")
  endif()
  list(GET LADDER_LIBFUZZER 0 LADDER_LIBFUZZER)
  set(LADDER_FUZZ_COMPILE ${LADDER_FUZZ_SANITIZE} -fsanitize-coverage=trace-cmp)
  set(LADDER_FUZZ_LINK ${LADDER_FUZZ_SANITIZE} ${LADDER_LIBFUZZER})
  set(LADDER_FUZZ_EXTRA_SOURCES ${PROJECT_SOURCE_DIR}/cmake/fuzz_gcc_shims.cc)
endif()

add_custom_target(fuzzers)
foreach(layer base model formats analysis server)
  if(TARGET ladder_${layer})
    get_target_property(type ladder_${layer} TYPE)
    if(NOT type STREQUAL "INTERFACE_LIBRARY")
      target_compile_options(ladder_${layer} PRIVATE ${LADDER_FUZZ_COMPILE})
    endif()
  endif()
  file(GLOB fuzz_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${layer}/*_fuzz.cc)
  foreach(source ${fuzz_sources})
    get_filename_component(name ${source} NAME_WE)
    add_executable(${name} ${source} ${LADDER_FUZZ_EXTRA_SOURCES})
    # The entry point (LLVMFuzzerTestOneInput) and the coverage shims are extern "C" functions
    # whose declarations belong to libFuzzer, not to a header of ours.
    target_compile_options(${name} PRIVATE ${LADDER_FUZZ_COMPILE} -Wno-missing-declarations)
    target_link_libraries(${name} PRIVATE ladder_${layer})
    target_link_options(${name} PRIVATE ${LADDER_FUZZ_LINK})
    set_target_properties(${name} PROPERTIES EXCLUDE_FROM_ALL TRUE
                          RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
    add_dependencies(fuzzers ${name})
  endforeach()
endforeach()
