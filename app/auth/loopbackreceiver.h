#pragma once

#include <QObject>
#include <QPointer>
#include <QUrlQuery>

class QTcpServer;
class QTcpSocket;

// The redirect target of a browser sign-in: a tiny HTTP listener on 127.0.0.1 only (never
// another interface) at a free port. The first request to "/" with this sign-in's state
// delivers its query; the browser is redirected to a page without the code, so the code
// does not stay in the address bar or history, and that page says how it went.
class LoopbackReceiver : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    // Listens on 127.0.0.1 at a free port; false when it cannot.
    bool listen();
    quint16 port() const;
    // http://localhost:PORT/ : the address registered as "http://localhost" matches it
    // whatever the port.
    QUrl redirectUri() const;
    void setExpectedState(const QByteArray &state) { m_state = state; }
    // The page the browser lands on after the redirect: a success or the error, as plain
    // text inside a small HTML page.
    void setOutcome(bool success, const QString &text);
    void close();

signals:
    // The authorization answer: code and state, or error and error_description.
    void received(const QUrlQuery &query);

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &headers, const QByteArray &body);
    QByteArray page() const;

    QTcpServer *m_server;
    QByteArray m_state;
    bool m_answered = false;
    bool m_outcomeKnown = false;
    bool m_success = false;
    QString m_outcomeText;
    QList<QPointer<QTcpSocket>> m_waitingForOutcome;
};
