#include "app/singleinstance.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>

namespace {

// Arguments are a few ids or URLs; anything longer is not a start of this app.
constexpr qint64 MaxMessageBytes = 1024 * 1024;

} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_name(
          QStringLiteral("billing-monitor-")
          + QString::fromLatin1(
              QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(24)))
{ }

bool SingleInstance::forward(const QStringList &arguments, QString *reply, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact)
                 + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            break;
    }
    *reply = QString::fromUtf8(socket.readLine()).trimmed();
    socket.disconnectFromServer();
    // An instance that took the arguments but died before answering still had them.
    return true;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
    if (m_server->listen(m_name))
        return true;
    // forward() found nobody listening, so the socket file is a crashed instance's.
    QLocalServer::removeServer(m_name);
    if (m_server->listen(m_name))
        return true;
    m_error = m_server->errorString();
    return false;
}

void SingleInstance::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        if (socket->canReadLine())
            onReadyRead(socket);
    }
}

void SingleInstance::onReadyRead(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > MaxMessageBytes)
            socket->abort();
        return;
    }
    const QJsonArray array = QJsonDocument::fromJson(socket->readLine(MaxMessageBytes)).array();
    QStringList arguments;
    for (const QJsonValue &value : array)
        arguments << value.toString();
    const QString answer = m_handler ? m_handler(arguments) : QString();
    socket->write(answer.toUtf8() + '\n');
    socket->flush();
    socket->disconnectFromServer();
}
