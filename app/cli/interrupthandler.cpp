#include "interrupthandler.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {

int pipeFds[2] = {-1, -1};
volatile sig_atomic_t interruptCount = 0;

void onSigint(int)
{
    if (interruptCount > 0)
        _exit(130);
    interruptCount = 1;
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = write(pipeFds[1], &byte, 1);
}

} // namespace

InterruptHandler::InterruptHandler(QObject *parent)
    : QObject(parent)
{
    if (pipe(pipeFds) != 0)
        return;
    for (int fd : pipeFds)
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    fcntl(pipeFds[1], F_SETFL, O_NONBLOCK);

    struct sigaction action = {};
    action.sa_handler = onSigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(SIGINT, &action, nullptr) != 0)
        return;
    m_notifier = new QSocketNotifier(pipeFds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptHandler::onReadable);
}

InterruptHandler::~InterruptHandler()
{
    signal(SIGINT, SIG_DFL);
    delete m_notifier;
    for (int &fd : pipeFds) {
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
}

void InterruptHandler::onReadable()
{
    char byte = 0;
    [[maybe_unused]] const ssize_t got = read(pipeFds[0], &byte, 1);
    emit interrupted();
}
