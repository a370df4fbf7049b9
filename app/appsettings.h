#pragma once

#include "app/graph/graphendpoint.h"
#include "app/polling/pollpolicy.h"

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

    // The polling limits of pollpolicy.h and the Graph client's transfer timeout. Each is
    // clamped to its limits when stored and when read, so a hand-edited file cannot make the
    // app flood Graph or never give up.
    static constexpr int DefaultMaxRequestsInFlight = 6;
    static constexpr int MinMaxRequestsInFlight = 1;
    // Qt opens at most 6 connections per host on HTTP/1.1; more would only queue inside Qt.
    static constexpr int MaxMaxRequestsInFlight = 6;
    static constexpr int DefaultMaxRequestsPerSecond = 20;
    static constexpr int MinMaxRequestsPerSecond = 1;
    static constexpr int MaxMaxRequestsPerSecond = 100;
    static constexpr int DefaultExpiryHours = 48;
    static constexpr int MinExpiryHours = 1;
    static constexpr int MaxExpiryHours = 30 * 24;
    static constexpr int DefaultTransferTimeoutSeconds = 30;
    static constexpr int MinTransferTimeoutSeconds = 5;
    static constexpr int MaxTransferTimeoutSeconds = 300;

    int maxRequestsInFlight() const;
    void setMaxRequestsInFlight(int requests);
    int maxRequestsPerSecond() const;
    void setMaxRequestsPerSecond(int requests);
    int expiryHours() const;
    void setExpiryHours(int hours);
    int transferTimeoutSeconds() const;
    void setTransferTimeoutSeconds(int seconds);

    // These settings (interval, limits, expiry) laid over a policy, keeping what they do not
    // cover (the backoff) as it was.
    PollPolicy applyTo(PollPolicy policy) const;

    // Whether the analyst asked to keep the token in the system keychain (not the token).
    bool rememberToken() const;
    void setRememberToken(bool remember);
    // Whether the keychain holds a token of ours, so a fresh install never asks the keychain
    // (which may prompt to unlock) for nothing.
    bool tokenInKeychain() const;
    void setTokenInKeychain(bool stored);

    // Where the manifest panel last downloaded to (the folder picker starts there; the home
    // folder until then), and whether it also writes the decompressed .jsonl.
    QString lastDownloadFolder() const;
    void setLastDownloadFolder(const QString &folder);
    bool decompressDownloads() const;
    void setDecompressDownloads(bool decompress);

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
    int boundedInt(const QString &key, int fallback, int minimum, int maximum) const;
    void setBoundedInt(const QString &key, int value, int minimum, int maximum);

    std::unique_ptr<QSettings> m_settings;
};
