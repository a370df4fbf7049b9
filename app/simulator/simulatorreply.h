#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

// An answer the simulator is about to send, including the ways it can misbehave on the wire.
struct SimulatorReply
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers; // besides Content-Length
    QByteArray body;
    // Content-Length still announces the whole body, but the connection closes after this
    // many body bytes (-1: send everything).
    qint64 cutAfterBytes = -1;
    bool holdOpenAfterCut = false; // after cutAfterBytes, send nothing but keep the connection
    int trickleMs = 0; // when > 0, the body goes out one byte every this many milliseconds
    bool closeWithoutAnswer = false;
    int holdMs = 0; // answer this late; a client that gives up first gets nothing

    void setHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
    }
};
