#pragma once

#include <QByteArray>
#include <QDateTime>

// A time as HTTP writes it (RFC 9110's IMF-fixdate): "Sun, 06 Nov 1994 08:49:37 GMT", in
// English whatever the locale, for Date, Last-Modified, Retry-After and Storage's errors.
QByteArray httpDate(const QDateTime &time);
