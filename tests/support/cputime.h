#pragma once

#include <QtGlobal>

#include <sys/resource.h>

// CPU time for the benchmarks, which print it beside wall time: a shared machine stretches
// the wall clock, not the CPU a piece of work takes.
namespace CpuTime {

// User plus system time in a getrusage() result, in milliseconds.
qint64 ms(const rusage &usage);
// This process's so far (RUSAGE_SELF), or its waited-for children's (RUSAGE_CHILDREN).
qint64 processMs(int who = RUSAGE_SELF);
// The calling thread's so far.
qint64 threadMs();

} // namespace CpuTime
