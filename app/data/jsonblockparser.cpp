// Built for any processor: simdjson's portable kernel, and the choice between the two.
#include "app/data/jsonblockparserimpl.h"

#ifdef BILLING_MONITOR_HASWELL_BLOCK_PARSER
std::unique_ptr<JsonBlockParser> makeHaswellBlockParser();
#endif

std::unique_ptr<JsonBlockParser> makeJsonBlockParser()
{
#ifdef BILLING_MONITOR_HASWELL_BLOCK_PARSER
    // The library's own runtime check: AVX2, BMI, PCLMUL and LZCNT, and an OS that saves
    // the AVX registers.
    const simdjson::implementation *haswell = simdjson::get_available_implementations()["haswell"];
    if (haswell && haswell->supported_by_runtime_system())
        return makeHaswellBlockParser();
#endif
    return std::make_unique<BlockParser>();
}
