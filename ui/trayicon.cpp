#include "trayicon.h"

#include "models/operationstatus.h"
#include "statusbarwidgets.h"
#include "statuscolours.h"
#include "statusicons.h"

#include <QAction>
#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

#include <algorithm>

TrayIcon::TrayIcon(StatusSummary *summary, QObject *parent)
    : QObject(parent)
    , m_summary(summary)
    , m_menu(new QMenu)
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger
                        || reason == QSystemTrayIcon::DoubleClick)
                        emit activated();
                });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::activated);
    }
    connect(m_summary, &StatusSummary::countsChanged, this, &TrayIcon::update);
    update();
    if (m_tray)
        m_tray->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::setActions(QAction *show, QAction *refresh, QAction *newExport, QAction *quit)
{
    m_menu->addAction(show);
    m_menu->addSeparator();
    m_menu->addAction(refresh);
    m_menu->addAction(newExport);
    m_menu->addSeparator();
    m_menu->addAction(quit);
}

QString TrayIcon::toolTip() const
{
    const int running = m_summary->unfinishedCount();
    const int failed = m_summary->count(OperationStatus::Failed);
    QStringList lines {QApplication::applicationDisplayName()};
    if (running == 0 && failed == 0)
        lines << tr("Nothing running");
    if (running > 0)
        lines << tr("%n running", nullptr, running);
    if (failed > 0)
        lines << tr("%n failed", nullptr, failed);
    return lines.join(u'\n');
}

int TrayIcon::badgeNumber() const
{
    return badgeWarns() ? m_summary->count(OperationStatus::Failed) : m_summary->unfinishedCount();
}

bool TrayIcon::badgeWarns() const
{
    return m_summary->count(OperationStatus::Failed) > 0;
}

QString TrayIcon::badgeText() const
{
    const int number = badgeNumber();
    if (number == 0)
        return {};
    return number > 99 ? QStringLiteral("99+") : QLocale().toString(number);
}

QColor TrayIcon::badgeColour() const
{
    return StatusColours::foreground(
        badgeWarns() ? OperationStatus::Failed : OperationStatus::Running, QApplication::palette());
}

QIcon TrayIcon::icon() const
{
    const QString text = badgeText();
    if (text.isEmpty())
        return StatusIcons::appIcon();
    QIcon badged;
    const QColor colour = badgeColour();
    for (int size : {16, 22, 32, 48, 64}) {
        QPixmap pixmap = StatusIcons::appIcon().pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF badge(size * 0.45, size * 0.45, size * 0.55, size * 0.55);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(badge);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(std::max(6, int(size * 0.36)));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, text);
        painter.end();
        badged.addPixmap(pixmap);
    }
    return badged;
}

void TrayIcon::explainCloseToTray()
{
    if (!m_tray)
        return;
    m_tray->showMessage(QApplication::applicationDisplayName(),
                        tr("Billing Monitor keeps watching your exports in the tray. Click the "
                           "icon to bring the window back; Quit is in its menu."),
                        QSystemTrayIcon::Information);
}

void TrayIcon::update()
{
    if (!m_tray)
        return;
    if (const QString tip = toolTip(); tip != m_tray->toolTip())
        m_tray->setToolTip(tip);
    std::pair<QString, QRgb> badge {badgeText(), badgeColour().rgba()};
    if (badge == m_shownBadge)
        return;
    m_tray->setIcon(icon());
    m_shownBadge = std::move(badge);
}
