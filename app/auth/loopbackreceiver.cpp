#include "app/auth/loopbackreceiver.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace {

constexpr qint64 MaxRequestBytes = 16 * 1024;
constexpr const char *DonePath = "/signed-in";

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onConnection);
}

LoopbackReceiver::~LoopbackReceiver() = default;

bool LoopbackReceiver::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 LoopbackReceiver::port() const
{
    return m_server->serverPort();
}

QUrl LoopbackReceiver::redirectUri() const
{
    return QUrl(QStringLiteral("http://localhost:%1/").arg(port()));
}

void LoopbackReceiver::close()
{
    m_server->close();
}

void LoopbackReceiver::setOutcome(bool success, const QString &text)
{
    m_outcomeKnown = true;
    m_success = success;
    m_outcomeText = text;
    const auto waiting = std::exchange(m_waitingForOutcome, {});
    for (const QPointer<QTcpSocket> &socket : waiting) {
        if (socket)
            respond(socket, 200, "Content-Type: text/html; charset=utf-8\r\n", page());
    }
}

void LoopbackReceiver::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void LoopbackReceiver::onReadyRead(QTcpSocket *socket)
{
    if (socket->property("handled").toBool())
        return;
    QByteArray request = socket->property("request").toByteArray() + socket->readAll();
    if (request.size() > MaxRequestBytes) {
        socket->abort();
        return;
    }
    if (!request.contains("\r\n\r\n")) {
        socket->setProperty("request", request);
        return;
    }
    socket->setProperty("handled", true);
    const QList<QByteArray> requestLine = request.left(request.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || requestLine.at(0) != "GET") {
        respond(socket, 405, {}, {});
        return;
    }
    const QUrl target = QUrl::fromEncoded(requestLine.at(1));
    if (target.path() == QLatin1String(DonePath)) {
        if (m_outcomeKnown)
            respond(socket, 200, "Content-Type: text/html; charset=utf-8\r\n", page());
        else
            m_waitingForOutcome.append(socket); // the token is being redeemed
        return;
    }
    const QUrlQuery query(target);
    const bool ours = target.path() == QLatin1String("/")
        && query.queryItemValue(QStringLiteral("state")).toLatin1() == m_state
        && !m_state.isEmpty();
    if (!ours || m_answered) {
        // Another page, a stale tab or a forged request: no code is taken from it.
        respond(socket, 400, "Content-Type: text/plain; charset=utf-8\r\n",
                "This is not the answer to the sign-in Billing Monitor is waiting for.\n");
        return;
    }
    m_answered = true;
    // The redirect strips the code from the address bar and history.
    respond(socket, 302, QByteArrayLiteral("Location: ") + DonePath + "\r\n", {});
    emit received(query);
}

void LoopbackReceiver::respond(QTcpSocket *socket, int status, const QByteArray &headers,
                               const QByteArray &body)
{
    const char *reason = status == 200 ? "OK"
        : status == 302                ? "Found"
        : status == 400                ? "Bad Request"
                                       : "Method Not Allowed";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + headers
                  + "Content-Length: " + QByteArray::number(body.size())
                  + "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + body);
    // Out now: a command-line sign-in may end right after the last page.
    socket->flush();
    socket->disconnectFromHost();
}

QByteArray LoopbackReceiver::page() const
{
    const QString title = m_success
        ? QCoreApplication::translate("LoopbackReceiver", "Signed in to Billing Monitor")
        : QCoreApplication::translate("LoopbackReceiver", "Sign-in did not succeed");
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                          "</head><body style=\"font-family:sans-serif;margin:3em\"><h1>%1</h1>"
                          "<p>%2</p></body></html>")
        .arg(title.toHtmlEscaped(), m_outcomeText.toHtmlEscaped())
        .toUtf8();
}
