#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QLocalServer;
class QLocalSocket;

// The app runs once per user session, as Qt's single-application pattern has it: the first
// start listens on a local socket named after its data folder; a later start hands its
// arguments to that one and exits. The running instance answers with one line ("2 added").
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<QString(const QStringList &arguments)>;

    // Starts that share `key` (the data folder) are one instance; the socket is private to
    // the user.
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);

    // Hands the arguments to the running instance and waits for its answer (in *reply).
    // False when no instance answers.
    bool forward(const QStringList &arguments, QString *reply, int timeoutMs = 5000);
    // Becomes the running instance. A socket left by a crashed instance is taken over.
    bool listen();
    QString errorString() const { return m_error; }
    QString serverName() const { return m_name; }

    // What the running instance does with arguments handed to it; returns the answer.
    void setHandler(Handler handler) { m_handler = std::move(handler); }

private:
    void onConnection();
    void onReadyRead(QLocalSocket *socket);

    QString m_name;
    QString m_error;
    QLocalServer *m_server = nullptr;
    Handler m_handler;
};
