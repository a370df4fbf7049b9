#include "app/auth/browserflow.h"

#include "app/auth/loopbackreceiver.h"
#include "app/auth/pkce.h"

#include <QCoreApplication>

BrowserFlow::BrowserFlow(OAuthClient *oauth, const SignInConfig &config, QObject *parent)
    : SignInFlow(oauth, config, SignInAccount::Flow::Browser, parent)
    , m_receiver(new LoopbackReceiver(this))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(SignInError::make(SignInError::Kind::TimedOut, {})); });
    connect(m_receiver, &LoopbackReceiver::received, this, &BrowserFlow::onReceived);
}

BrowserFlow::~BrowserFlow() = default;

void BrowserFlow::start()
{
    if (!m_receiver->listen()) {
        fail(SignInError::make(SignInError::Kind::Configuration,
                               QCoreApplication::translate("BrowserFlow",
                                                           "Cannot listen on 127.0.0.1 for the "
                                                           "browser's answer.")));
        return;
    }
    m_verifier = Pkce::makeVerifier();
    const QByteArray state = Pkce::makeState();
    m_receiver->setExpectedState(state);

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("redirect_uri"), m_receiver->redirectUri().toString());
    query.addQueryItem(QStringLiteral("response_mode"), QStringLiteral("query"));
    query.addQueryItem(QStringLiteral("scope"), QLatin1String(SignInConfig::DelegatedScopes));
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(state));
    query.addQueryItem(QStringLiteral("code_challenge"),
                       QString::fromLatin1(Pkce::challengeFor(m_verifier)));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    query.addQueryItem(QStringLiteral("prompt"), QStringLiteral("select_account"));
    // Encoded item by item, so that the scope's spaces and the URL's ':' and '/' survive.
    QString encoded;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!encoded.isEmpty())
            encoded += QLatin1Char('&');
        encoded += QString::fromLatin1(QUrl::toPercentEncoding(key) + '='
                                       + QUrl::toPercentEncoding(value));
    }
    m_authorizeUrl = m_config.endpoint(QStringLiteral("authorize"));
    m_authorizeUrl.setQuery(encoded, QUrl::StrictMode);
    m_timeout.start(m_timeoutSeconds * 1000);
    emit authorizeUrlReady(m_authorizeUrl);
}

void BrowserFlow::stop()
{
    m_timeout.stop();
    // The listener stays only to show the outcome page to the browser waiting for it.
    QTimer::singleShot(5000, m_receiver, &LoopbackReceiver::close);
}

void BrowserFlow::onReceived(const QUrlQuery &query)
{
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        const SignInError refused = SignInError::fromRedirect(
            error, query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded));
        m_receiver->setOutcome(false, refused.explanation());
        fail(refused);
        return;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("scope"), QLatin1String(SignInConfig::DelegatedScopes));
    form.addQueryItem(QStringLiteral("code"),
                      query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded));
    form.addQueryItem(QStringLiteral("redirect_uri"), m_receiver->redirectUri().toString());
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(m_verifier));
    connect(this, &SignInFlow::succeeded, m_receiver, [this] {
        m_receiver->setOutcome(
            true,
            QCoreApplication::translate("BrowserFlow",
                                        "You are signed in. You can close this window and "
                                        "return to Billing Monitor."));
    });
    connect(this, &SignInFlow::failed, m_receiver,
            [this](const SignInError &why) { m_receiver->setOutcome(false, why.explanation()); });
    redeem(form);
}
