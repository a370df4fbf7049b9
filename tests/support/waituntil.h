#pragma once

#include <functional>

// Runs the event loop until done() holds or timeoutMs passes; returns done(). Unlike
// QTest::qWaitFor, it never sleeps between rounds, so a busy client/server pair in the
// same thread runs at full speed while the test waits.
bool waitUntil(const std::function<bool()> &done, int timeoutMs);
