#include "rawhttpserver.h"

#include <QHostAddress>
#include <QTcpSocket>

RawHttpServer::RawHttpServer(Responder responder, QObject *parent)
    : QTcpServer(parent)
    , m_responder(std::move(responder))
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                const QByteArray buffered
                    = socket->property("buffer").toByteArray() + socket->readAll();
                socket->setProperty("buffer", buffered);
                const qsizetype end = buffered.indexOf("\r\n\r\n");
                if (end < 0 || socket->property("answered").toBool())
                    return;
                socket->setProperty("answered", true);
                const QByteArray requestHead = buffered.left(end);
                m_heads.append(requestHead);
                socket->write(m_responder(requestHead));
                socket->disconnectFromHost();
            });
        }
    });
}

bool RawHttpServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QUrl RawHttpServer::rootUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort()));
}

QByteArray RawHttpServer::response(int status, const QList<QByteArray> &headers,
                                   const QByteArray &body)
{
    QByteArray text = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n";
    for (const QByteArray &header : headers)
        text += header + "\r\n";
    text += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    text += "Connection: close\r\n\r\n";
    return text + body;
}
