#pragma once

#include "clicommand.h"

class ManifestFetch;

// manifest <id|url>: the manifest of a succeeded operation.
class ManifestCommand final : public CliCommand
{
    Q_OBJECT
public:
    explicit ManifestCommand(const CommandContext &context, QObject *parent = nullptr);

    void start() override;
    void interrupt() override;

private:
    ManifestFetch *m_fetch;
};
