#include "statusstyle.h"

#include <QCoreApplication>

#include <array>

namespace {

// clang-format off
constexpr std::array<StatusStyle, StatusCount> Styles{{
    {OperationStatus::NotStarted, QT_TRANSLATE_NOOP("Status", "Not started"), 0x6b7280, "hollow-circle", "37"},
    {OperationStatus::Running,    QT_TRANSLATE_NOOP("Status", "Running"),     0x2563eb, "arc",           "34"},
    {OperationStatus::Succeeded,  QT_TRANSLATE_NOOP("Status", "Succeeded"),   0x16a34a, "check",         "32"},
    {OperationStatus::Failed,     QT_TRANSLATE_NOOP("Status", "Failed"),      0xdc2626, "cross",         "31"},
    {OperationStatus::Unknown,    QT_TRANSLATE_NOOP("Status", "Unknown"),     0x9333ea, "question",      "35"},
    {OperationStatus::Expired,    QT_TRANSLATE_NOOP("Status", "Expired"),     0x92400e, "hourglass",     "33"},
}};
// clang-format on

} // namespace

const StatusStyle &statusStyle(OperationStatus status)
{
    for (const StatusStyle &style : Styles) {
        if (style.status == status)
            return style;
    }
    return Styles[4];
}

QString statusText(OperationStatus status)
{
    return QCoreApplication::translate("Status", statusStyle(status).text);
}
