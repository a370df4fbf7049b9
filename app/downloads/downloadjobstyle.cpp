#include "app/downloads/downloadjobstyle.h"

#include <QCoreApplication>

#include <array>

namespace {

// Hues and shapes borrowed from the operation statuses of the same meaning, so "waiting",
// "under way", "done" and "failed" look alike across the whole app.
// clang-format off
constexpr std::array<DownloadJobStyle, 7> Styles{{
    {DownloadJob::State::Queued,      QT_TRANSLATE_NOOP("DownloadState", "Waiting"),     "queued",      0x6b7280, "hollow-circle", "37", false},
    {DownloadJob::State::Downloading, QT_TRANSLATE_NOOP("DownloadState", "Downloading"), "downloading", 0x2563eb, "arc",           "34", false},
    {DownloadJob::State::Verifying,   QT_TRANSLATE_NOOP("DownloadState", "Verifying"),   "verifying",   0x2563eb, "arc",           "34", false},
    {DownloadJob::State::Done,        QT_TRANSLATE_NOOP("DownloadState", "Verified"),    "verified",    0x16a34a, "check",         "32", true},
    {DownloadJob::State::Failed,      QT_TRANSLATE_NOOP("DownloadState", "Failed"),      "failed",      0xdc2626, "cross",         "31", true},
    {DownloadJob::State::Corrupt,     QT_TRANSLATE_NOOP("DownloadState", "Corrupt"),     "corrupt",     0xdc2626, "cross",         "31", true},
    {DownloadJob::State::Cancelled,   QT_TRANSLATE_NOOP("DownloadState", "Cancelled"),   "cancelled",   0x92400e, "hollow-circle", "33", true},
}};
// clang-format on

} // namespace

const DownloadJobStyle &downloadJobStyle(DownloadJob::State state)
{
    for (const DownloadJobStyle &style : Styles) {
        if (style.state == state)
            return style;
    }
    return Styles[0];
}

QString downloadStateText(DownloadJob::State state)
{
    return QCoreApplication::translate("DownloadState", downloadJobStyle(state).text);
}
