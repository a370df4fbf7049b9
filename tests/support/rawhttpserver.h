#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QUrl>

#include <functional>

// A bare HTTP/1.1 server on 127.0.0.1 for what the simulator does not do on purpose:
// redirects to another origin, oversized bodies, odd headers. It answers every request
// with whatever the test's responder writes, byte for byte, and keeps the request heads.
class RawHttpServer : public QTcpServer
{
    Q_OBJECT
public:
    // Returns the whole response (status line, headers, body) for one request head.
    using Responder = std::function<QByteArray(const QByteArray &requestHead)>;

    explicit RawHttpServer(Responder responder, QObject *parent = nullptr);
    bool start(); // an ephemeral port on 127.0.0.1
    QUrl rootUrl() const;
    const QList<QByteArray> &requestHeads() const { return m_heads; }

    // "HTTP/1.1 <status>" with the headers, a Content-Length and the body; the connection
    // closes after it.
    static QByteArray response(int status, const QList<QByteArray> &headers,
                               const QByteArray &body);

private:
    Responder m_responder;
    QList<QByteArray> m_heads;
};
