#include "cputime.h"

#include <ctime>

namespace CpuTime {

qint64 ms(const rusage &usage)
{
    return (qint64(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

qint64 processMs(int who)
{
    rusage usage {};
    getrusage(who, &usage);
    return ms(usage);
}

qint64 threadMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

} // namespace CpuTime
