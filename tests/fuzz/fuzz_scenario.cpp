// Scenario files for the simulator, and the fault specs they (and --faults) carry.
#include "fuzzcheck.h"

#include "app/simulator/faultprofile.h"
#include "app/simulator/scenario.h"

#include <cmath>

namespace {

void checkRates(const FaultProfile &faults)
{
    for (const double rate :
         {faults.throttle, faults.throttleHttpDate, faults.serverError, faults.unavailable,
          faults.unavailableBare, faults.gatewayTimeout, faults.connectionReset, faults.stall,
          faults.htmlBody, faults.truncatedBody})
        FUZZ_CHECK(std::isfinite(rate) && rate >= 0 && rate <= 1);
    FUZZ_CHECK(faults.retryAfterSeconds >= 0 && faults.stallMs >= 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = fuzzBytes(data, size);
    QString error;
    const std::optional<Scenario> scenario = Scenario::fromJson(json, &error);
    FUZZ_CHECK(scenario.has_value() != !error.isEmpty());
    if (scenario && scenario->faults)
        checkRates(*scenario->faults);

    error.clear();
    const std::optional<FaultProfile> faults
        = FaultProfile::fromString(QString::fromUtf8(json), &error);
    FUZZ_CHECK(faults.has_value() != !error.isEmpty());
    if (faults)
        checkRates(*faults);
    return 0;
}
