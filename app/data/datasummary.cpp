#include "app/data/datasummary.h"

#include <algorithm>

namespace Groupings {

namespace {
const char *const Keys[GroupingCount]
    = {"customer", "product", "chargeType", "subscription", "meterCategory"};
}

QList<Grouping> all()
{
    return {Grouping::Customer, Grouping::Product, Grouping::ChargeType, Grouping::Subscription,
            Grouping::MeterCategory};
}

QString key(Grouping grouping)
{
    return QLatin1String(Keys[int(grouping)]);
}

std::optional<Grouping> fromKey(const QString &key)
{
    for (const Grouping grouping : all()) {
        if (key.compare(QLatin1String(Keys[int(grouping)]), Qt::CaseInsensitive) == 0)
            return grouping;
    }
    return std::nullopt;
}

} // namespace Groupings

int DataSummary::count(Grouping grouping) const
{
    int count = 0;
    for (const GroupTotals &group : groupsBy(grouping))
        count += group.id.isEmpty() ? 0 : 1;
    return count;
}

QList<GroupTotals> DataSummary::top(Grouping grouping, const QString &currency, int count) const
{
    QList<GroupTotals> rows;
    for (const GroupTotals &group : groupsBy(grouping)) {
        if (group.totals.contains(currency))
            rows.append(group);
    }
    std::stable_sort(rows.begin(), rows.end(), [&](const GroupTotals &a, const GroupTotals &b) {
        return b.totals.value(currency) < a.totals.value(currency);
    });
    return rows.mid(0, count);
}

QString DataSummary::mainCurrency() const
{
    QString best;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        if (best.isNull() || totals.value(best) < it.value())
            best = it.key();
    }
    return best;
}
