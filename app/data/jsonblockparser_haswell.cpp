// Built with -mavx2 -mbmi -mpclmul -mlzcnt (see CMakeLists.txt): simdjson's haswell kernel.
#include "app/data/jsonblockparserimpl.h"

std::unique_ptr<JsonBlockParser> makeHaswellBlockParser()
{
    return std::make_unique<BlockParser>();
}
