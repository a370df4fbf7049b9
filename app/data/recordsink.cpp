#include "app/data/recordsink.h"

#include <algorithm>
#include <cctype>

ColumnRegistry::ColumnRegistry()
{
    std::fill(std::begin(m_roles), std::end(m_roles), -1);
}

int ColumnRegistry::find(std::string_view key, bool *isNew)
{
    std::string folded(key);
    std::transform(folded.begin(), folded.end(), folded.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    const auto found = m_byFolded.find(folded);
    if (found != m_byFolded.end()) {
        *isNew = false;
        return found->second;
    }
    const int column = int(m_names.size());
    m_names.emplace_back(key);
    m_byFolded.emplace(folded, column);
    for (int role = 0; role < ExportColumns::RoleCount; ++role) {
        if (m_roles[role] < 0
            && QLatin1String(folded.data(), int(folded.size()))
                    .compare(QLatin1String(ExportColumns::roleName(ExportColumns::Role(role))),
                             Qt::CaseInsensitive)
                == 0)
            m_roles[role] = column;
    }
    *isNew = true;
    return column;
}

QStringList ColumnRegistry::names() const
{
    QStringList result;
    result.reserve(int(m_names.size()));
    for (const std::string &name : m_names)
        result.append(QString::fromUtf8(name.data(), int(name.size())));
    return result;
}
