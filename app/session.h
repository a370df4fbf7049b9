#pragma once

#include "app/graph/tokenprovider.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class AccountSettings;
class AppSettings;
class OAuthClient;
class SecretStore;
class TokenManager;
class DownloadManager;
class ExportStarter;
class GraphClient;
class GraphEndpoint;
class ManifestLoader;
class OperationMonitor;
class OperationStore;
class OperationTableModel;

// The composition root without widgets: one Graph client, the token behind it, the table
// of tracked operations and the monitor that keeps it fresh, configured from AppSettings.
// The GUI builds its window on a Session; the CLI can run one without any window.
class Session : public QObject
{
    Q_OBJECT
public:
    // Where a fixed token comes from; None means the sign-in (signIn()) provides it.
    enum class TokenSource {
        None,
        Environment, // BILLING_MONITOR_TOKEN: wins over the sign-in
        Fixed, // given by the caller, e.g. the built-in simulator's Graph in demo mode
    };

    struct TrackTextResult
    {
        QStringList added;
        QStringList alreadyTracked;
        QString error; // the input held no usable id; nothing was added
        bool truncated = false; // more ids than OperationIds::MaxIdsPerInput; the rest were dropped
        bool isError() const { return !error.isEmpty(); }
        // "2 added, 1 already tracked", or the error.
        QString summary() const;
    };

    // secrets and accounts default to the system keychain and the user's account settings;
    // tests pass their own (not owned).
    explicit Session(AppSettings *settings, QObject *parent = nullptr,
                     SecretStore *secrets = nullptr, AccountSettings *accounts = nullptr);
    ~Session() override;

    AppSettings *settings() const { return m_settings; }
    OperationTableModel *model() const { return m_model; }
    OperationMonitor *monitor() const { return m_monitor; }
    GraphClient *client() const { return m_client; }
    ManifestLoader *manifestLoader() const { return m_manifestLoader; }
    DownloadManager *downloads() const { return m_downloads; }
    // Outlives any dialog, so an export Graph accepts late is still tracked.
    ExportStarter *exportStarter() const { return m_exportStarter; }
    OperationStore *store() const { return m_store; } // null until attachStore()
    // The signed-in account (shared with the CLI) and the client it signs in with. A fixed
    // token (BILLING_MONITOR_TOKEN, the simulator's) wins over it.
    TokenManager *signIn() const { return m_signIn; }
    OAuthClient *oauth() const { return m_oauth; }
    AccountSettings *accountSettings() const { return m_accounts; }

    // Fills the table from the saved operations in the background and keeps saving it from
    // now on; polling takes up each operation as it arrives. store()->loadFinished() says
    // what the analyst should hear about the database (moved aside, imported...).
    void attachStore(const QString &databasePath);

    // Applies the stored endpoint, polling policy (refresh interval, limits, expiry) and
    // transfer timeout, and takes the token from the environment or, failing that, the
    // signed-in account. Returns a message when the stored endpoint is unusable (the default
    // endpoint is used instead).
    QString applySettings();
    // Talks to this Graph with this token and ignores the configured endpoint and token from
    // now on (demo mode on the built-in simulator, tests).
    void useFixedGraph(const GraphEndpoint &endpoint, const QString &token);
    bool usesFixedGraph() const { return m_fixedGraph; }

    void setRefreshIntervalSeconds(int seconds); // stored and applied to the monitor

    TokenSource tokenSource() const { return m_tokenSource; }
    bool hasToken() const;
    // Where requests take their token from, in a sentence for Settings.
    QString tokenSourceText() const;

    // Versions before the sign-in kept a token typed into Settings in the keychain. Erases
    // that entry from the session's secret store once, then forgets it was there. Not for
    // demo mode, whose secrets are in memory.
    void forgetTypedToken();

    // Finds operation ids in pasted text and starts tracking the new ones.
    TrackTextResult trackText(const QString &text, const QString &label = {});

    void start();

signals:
    // applySettings() has run: what holds a copy of a setting takes it up again.
    void settingsApplied();

private:
    AppSettings *m_settings;
    std::unique_ptr<SecretStore> m_ownSecrets;
    SecretStore *m_secrets;
    std::unique_ptr<AccountSettings> m_ownAccounts;
    AccountSettings *m_accounts;
    OAuthClient *m_oauth;
    TokenManager *m_signIn;
    // BILLING_MONITOR_TOKEN, taken out of the environment at start (see applySettings()).
    const QString m_environmentToken;
    StaticTokenProvider m_tokens;
    PreferredTokenProvider m_preferredTokens;
    GraphClient *m_client;
    ManifestLoader *m_manifestLoader;
    DownloadManager *m_downloads;
    OperationStore *m_store = nullptr;
    OperationTableModel *m_model;
    OperationMonitor *m_monitor;
    ExportStarter *m_exportStarter;
    TokenSource m_tokenSource = TokenSource::None;
    bool m_fixedGraph = false;
};
