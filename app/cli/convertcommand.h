#pragma once

#include "datacommand.h"

#include "app/data/datasummary.h"
#include "app/data/exportconversion.h"

// convert <dir|id|url> --to csv|xlsx --out PATH [--split-by customer]: a summary pass,
// then the rows written out.
class ConvertCommand : public DataCommand
{
    Q_OBJECT
public:
    using DataCommand::DataCommand;

protected:
    void startWithFiles(const QStringList &paths) override;

private:
    DataSummary m_summary;
    ExportConversion::Result m_result;
};
