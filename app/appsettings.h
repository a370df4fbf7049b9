#pragma once

#include "app/data/scanreport.h"
#include "app/graph/graphendpoint.h"
#include "app/polling/pollpolicy.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

#include <memory>
#include <optional>

// What the analyst configures, kept in QSettings: where Graph is, how often to poll, and
// how the window was left. No token or secret is ever here: the sign-in keeps its account
// facts in AccountSettings and its secrets in the system keychain.
class AppSettings
{
public:
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
    void setRefreshIntervalSeconds(int seconds);

    // The polling limits and the Graph client's transfer timeout, each clamped to its
    // PollPolicy::Limits range when stored and when read.
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

    // Versions before the sign-in kept a token typed into Settings in the system keychain
    // under this key, and noted here that they had. Session::forgetTypedToken() erases it.
    static constexpr const char *TypedTokenKey = "graph-access-token";
    bool typedTokenInKeychain() const;
    void forgetTypedToken(); // drops the notes; the keychain entry is gone

    // Where the manifest panel last downloaded to (the folder picker starts there; the home
    // folder until then), and whether it also writes the decompressed .jsonl.
    QString lastDownloadFolder() const;
    void setLastDownloadFolder(const QString &folder);
    bool decompressDownloads() const;
    void setDecompressDownloads(bool decompress);
    // The decompression-bomb caps for downloads and the Data view (ScanLimits' ranges).
    int maxInflatedGiB() const;
    void setMaxInflatedGiB(int gib);
    int maxInflationRatio() const;
    void setMaxInflationRatio(int ratio);
    ScanLimits scanLimits() const;
    // The language of the app's window: empty follows the system, otherwise a code the app
    // has a translation for ("en", "cs"). Read at start-up.
    QString language() const;
    void setLanguage(const QString &language);
    // "system", "light" or "dark"; anything else reads as "system".
    QString theme() const;
    void setTheme(const QString &theme);
    // Whether closing the window keeps the app running in the system tray (off by default),
    // and whether the analyst has been told so once.
    bool closeToTray() const;
    void setCloseToTray(bool keep);
    bool closeToTrayExplained() const;
    void setCloseToTrayExplained(bool explained);
    // The kind of export New export offered last (an ExportRequest::Kind as int; -1 none).
    int lastExportKind() const;
    void setLastExportKind(int kind);

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
    int boundedInt(const QString &key, const SettingRange &range) const;
    void setBoundedInt(const QString &key, int value, const SettingRange &range);

    std::unique_ptr<QSettings> m_settings;
};
