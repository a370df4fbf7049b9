#pragma once

#include <QColor>
#include <QIcon>
#include <QObject>

#include <optional>
#include <utility>

class QAction;
class QMenu;
class QSystemTrayIcon;
class StatusSummary;

// The app's persistent place in the system tray. Its tooltip says how many exports are
// running and how many failed, its badge shows the same at a glance (red once one failed),
// and its menu shows the window, refreshes, starts an export or quits. Where the desktop
// has no tray the icon is not created, but the texts and the menu still exist (and are
// tested); the window then never hides into a tray that is not there.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    TrayIcon(StatusSummary *summary, QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isAvailable() const { return m_tray != nullptr; }
    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu; }
    void setActions(QAction *show, QAction *refresh, QAction *newExport, QAction *quit);

    QString toolTip() const;
    // The number on the badge (0: no badge) and whether it warns.
    int badgeNumber() const;
    bool badgeWarns() const;
    QIcon icon() const;

    // A desktop notification that the app keeps running in the tray.
    void explainCloseToTray();

signals:
    // Clicked: the window should come forward.
    void activated();

private:
    void update();
    // What the badge says ("", "7", "99+") and in which colour (it follows the theme).
    QString badgeText() const;
    QColor badgeColour() const;

    StatusSummary *m_summary;
    QMenu *m_menu;
    QSystemTrayIcon *m_tray = nullptr;
    // The badge the tray shows: counts change with every batch of a sweep, and drawing the
    // icon in five sizes each time would cost the window a millisecond or more for nothing.
    std::optional<std::pair<QString, QRgb>> m_shownBadge;
};
