#include "app/session.h"

#include "app/appsettings.h"
#include "app/auth/oauthclient.h"
#include "app/auth/secretstore.h"
#include "app/auth/signinaccount.h"
#include "app/auth/tokenmanager.h"
#include "app/downloads/downloadmanager.h"
#include "app/downloads/manifestloader.h"
#include "app/exports/exportstarter.h"
#include "app/graph/graphclient.h"
#include "app/graph/graphendpoint.h"
#include "app/polling/operationmonitor.h"
#include "app/store/operationstore.h"
#include "models/operationids.h"
#include "models/operationtablemodel.h"

#include <QLocale>

QString Session::TrackTextResult::summary() const
{
    if (isError())
        return error;
    QStringList parts;
    if (!added.isEmpty() || alreadyTracked.isEmpty())
        parts << Session::tr("%n added", nullptr, int(added.size()));
    if (!alreadyTracked.isEmpty())
        parts << Session::tr("%n already tracked", nullptr, int(alreadyTracked.size()));
    QString text = parts.join(QStringLiteral(", "));
    if (truncated)
        text += Session::tr("; only the first %n ids were read", nullptr,
                            OperationIds::MaxIdsPerInput);
    return text;
}

Session::Session(AppSettings *settings, QObject *parent, SecretStore *secrets,
                 AccountSettings *accounts)
    : QObject(parent)
    , m_settings(settings)
    , m_ownSecrets(secrets ? nullptr : std::make_unique<KeychainSecretStore>())
    , m_secrets(secrets ? secrets : m_ownSecrets.get())
    , m_ownAccounts(accounts ? nullptr : std::make_unique<AccountSettings>())
    , m_accounts(accounts ? accounts : m_ownAccounts.get())
    , m_oauth(new OAuthClient(this))
    , m_signIn(new TokenManager(m_oauth, m_secrets, this))
    , m_environmentToken(StaticTokenProvider::takeFromEnvironment())
    , m_preferredTokens(&m_tokens, m_signIn)
    , m_client(new GraphClient(&m_preferredTokens, this))
    , m_manifestLoader(new ManifestLoader(m_client, this))
    , m_downloads(new DownloadManager(nullptr, this))
    , m_model(new OperationTableModel(this))
    , m_monitor(new OperationMonitor(m_model, m_client, this))
    , m_exportStarter(new ExportStarter(m_client, m_monitor, this))
{
    // The app waits for a new sign-in when renewal is refused; the CLI says otherwise.
    m_signIn->setWaitForSignIn(true);
    connect(m_signIn, &TokenManager::accountChanged, this, [this](const SignInAccount &account) {
        if (account.isSignedIn())
            m_accounts->setAccount(account);
        else
            m_accounts->clearAccount();
    });
}

Session::~Session()
{
    // The monitor's calls reference the client; stop them before members go away.
    m_monitor->stop();
    if (m_store)
        m_store->flush();
}

QString Session::applySettings()
{
    m_monitor->setPolicy(m_settings->applyTo(m_monitor->policy()));
    m_client->setTransferTimeout(m_settings->transferTimeoutSeconds() * 1000);
    m_downloads->setScanLimits(m_settings->scanLimits());
    if (m_fixedGraph) {
        emit settingsApplied();
        return {};
    }

    QString problem;
    QString error;
    if (const std::optional<GraphEndpoint> endpoint = m_settings->endpoint(&error)) {
        m_client->setEndpoint(*endpoint);
    } else {
        m_client->setEndpoint(GraphEndpoint());
        problem = tr("The saved Graph address is not usable (%1); using %2 instead.")
                      .arg(error, QLatin1String(GraphEndpoint::DefaultRoot));
    }

    if (!m_environmentToken.isEmpty()) {
        m_tokens.setToken(m_environmentToken);
        m_tokenSource = TokenSource::Environment;
    }
    if (m_signIn->state() == TokenManager::State::SignedOut)
        m_signIn->useAccount(m_accounts->account());
    emit settingsApplied();
    return problem;
}

void Session::useFixedGraph(const GraphEndpoint &endpoint, const QString &token)
{
    m_fixedGraph = true;
    m_client->setEndpoint(endpoint);
    m_tokens.setToken(token);
    m_tokenSource = TokenSource::Fixed;
}

void Session::setRefreshIntervalSeconds(int seconds)
{
    m_settings->setRefreshIntervalSeconds(seconds);
    m_monitor->setRefreshIntervalSeconds(m_settings->refreshIntervalSeconds());
}

bool Session::hasToken() const
{
    return !m_tokens.accessToken().isEmpty() || m_signIn->state() != TokenManager::State::SignedOut;
}

void Session::forgetTypedToken()
{
    if (!m_settings->typedTokenInKeychain())
        return;
    m_secrets->remove(QLatin1String(AppSettings::TypedTokenKey), this,
                      [this](const SecretResult &result) {
                          // A keychain that cannot answer now is asked again at the next start.
                          if (result.ok)
                              m_settings->forgetTypedToken();
                      });
}

QString Session::tokenSourceText() const
{
    switch (m_tokenSource) {
    case TokenSource::None:
        return tr("Requests use the account you sign in with on the toolbar; "
                  "billing-monitor-cli shares it. A token obtained elsewhere can be given in %1, "
                  "which then wins.")
            .arg(QLatin1String(StaticTokenProvider::EnvironmentVariable));
    case TokenSource::Environment:
        return tr("%1 is set: its token is used instead of the sign-in. Unset it to use the "
                  "account you sign in with.")
            .arg(QLatin1String(StaticTokenProvider::EnvironmentVariable));
    case TokenSource::Fixed:
        return tr("Demo mode signs in at the built-in simulator's own Entra ID.");
    }
    return {};
}

Session::TrackTextResult Session::trackText(const QString &text, const QString &label)
{
    TrackTextResult result;
    if (text.trimmed().isEmpty()) {
        result.error = tr("Nothing to add: paste operation ids, operation URLs or Location "
                          "headers.");
        return result;
    }
    const OperationIds::Extraction found = OperationIds::scan(text);
    if (found.tooLong) {
        result.error = tr("The text is too long to read (%1 characters; at most %2). Paste fewer "
                          "ids at a time.")
                           .arg(QLocale().toString(text.size()),
                                QLocale().toString(OperationIds::MaxInputLength));
        return result;
    }
    if (found.ids.isEmpty()) {
        result.error
            = tr("No operation id found. An id is a GUID such as "
                 "1b5e7a4c-2d3f-4a5b-8c9d-0e1f2a3b4c5d, alone or inside an operation URL.");
        return result;
    }
    const OperationMonitor::TrackResult tracked = m_monitor->track(found.ids, label);
    result.added = tracked.added;
    result.alreadyTracked = tracked.alreadyTracked;
    result.truncated = found.truncated;
    return result;
}

void Session::attachStore(const QString &databasePath)
{
    m_store = new OperationStore(databasePath, this);
    // The table first: a list of 100,000 is in place a third sooner when polling takes the
    // stored operations up once they are all in.
    m_monitor->holdTracking();
    connect(m_store, &OperationStore::loadFinished, m_monitor, &OperationMonitor::resumeTracking);
    m_store->attach(m_model);
}

void Session::start()
{
    m_monitor->start();
}
