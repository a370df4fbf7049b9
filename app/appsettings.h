#pragma once

#include "graphendpoint.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

#include <memory>
#include <optional>

// What the analyst configures, kept in QSettings: where Graph is, how often to poll, and
// how the window was left. The access token is NOT here; it lives in the system keychain
// (see TokenStore) or only in memory.
class AppSettings
{
public:
    static constexpr int DefaultRefreshIntervalSeconds = 30;
    static constexpr int MinRefreshIntervalSeconds = 5;
    static constexpr int MaxRefreshIntervalSeconds = 3600;

    // The user's settings (organization and application name of the QCoreApplication).
    AppSettings();
    // An INI file of its own, for tests and tools.
    explicit AppSettings(const QString &iniFile);

    QString graphRoot() const;
    QString apiVersion() const;
    // The stored root and version, validated; nullopt (with *error) when the stored values are
    // unusable, e.g. edited by hand. Callers then fall back to the default endpoint.
    std::optional<GraphEndpoint> endpoint(QString *error = nullptr) const;
    // Validates with GraphEndpoint::make and stores only a valid pair.
    bool setEndpoint(const QString &root, const QString &version, QString *error);

    int refreshIntervalSeconds() const;
    void setRefreshIntervalSeconds(int seconds); // clamped to the limits above

    // Whether the analyst asked to keep the token in the system keychain (not the token).
    bool rememberToken() const;
    void setRememberToken(bool remember);
    // Whether the keychain holds a token of ours, so a fresh install never asks the keychain
    // (which may prompt to unlock) for nothing.
    bool tokenInKeychain() const;
    void setTokenInKeychain(bool stored);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray tableHeaderState() const;
    void setTableHeaderState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    void sync();
    QString fileName() const { return m_settings->fileName(); }

private:
    std::unique_ptr<QSettings> m_settings;
};
