#include "app/appsettings.h"

#include <QDir>

#include <algorithm>

namespace {

using Limits = PollPolicy::Limits;

const QString GraphRootKey = QStringLiteral("graph/root");
const QString ApiVersionKey = QStringLiteral("graph/apiVersion");
const QString RefreshIntervalKey = QStringLiteral("monitor/refreshIntervalSeconds");
const QString MaxInFlightKey = QStringLiteral("monitor/maxRequestsInFlight");
const QString MaxPerSecondKey = QStringLiteral("monitor/maxRequestsPerSecond");
const QString ExpiryHoursKey = QStringLiteral("monitor/expiryHours");
const QString TransferTimeoutKey = QStringLiteral("monitor/transferTimeoutSeconds");
// Written by versions that kept a typed token; only read to erase it once.
const QString RememberTypedTokenKey = QStringLiteral("graph/rememberToken");
const QString TypedTokenInKeychainKey = QStringLiteral("graph/tokenInKeychain");
const QString LastDownloadFolderKey = QStringLiteral("downloads/lastFolder");
const QString DecompressDownloadsKey = QStringLiteral("downloads/decompress");
const QString MaxInflatedGiBKey = QStringLiteral("data/maxInflatedGiB");
const QString MaxInflationRatioKey = QStringLiteral("data/maxInflationRatio");
const QString LanguageKey = QStringLiteral("ui/language");
const QString ThemeKey = QStringLiteral("ui/theme");
const QString CloseToTrayKey = QStringLiteral("ui/closeToTray");
const QString CloseToTrayExplainedKey = QStringLiteral("ui/closeToTrayExplained");
const QString LastExportKindKey = QStringLiteral("ui/lastExportKind");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString WindowStateKey = QStringLiteral("window/state");
const QString HeaderStateKey = QStringLiteral("window/tableHeader");
const QString SplitterStateKey = QStringLiteral("window/splitter");

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{ }

AppSettings::AppSettings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

QString AppSettings::graphRoot() const
{
    return m_settings->value(GraphRootKey, QLatin1String(GraphEndpoint::DefaultRoot)).toString();
}

QString AppSettings::apiVersion() const
{
    return m_settings->value(ApiVersionKey, QLatin1String(GraphEndpoint::DefaultVersion))
        .toString();
}

std::optional<GraphEndpoint> AppSettings::endpoint(QString *error) const
{
    return GraphEndpoint::make(graphRoot(), apiVersion(), error);
}

bool AppSettings::setEndpoint(const QString &root, const QString &version, QString *error)
{
    const std::optional<GraphEndpoint> endpoint = GraphEndpoint::make(root, version, error);
    if (!endpoint)
        return false;
    // Store the normalised form, so what is saved is exactly what was validated.
    m_settings->setValue(GraphRootKey, endpoint->root().toString());
    m_settings->setValue(ApiVersionKey, endpoint->version());
    return true;
}

int AppSettings::boundedInt(const QString &key, const SettingRange &range) const
{
    bool ok = false;
    const int value = m_settings->value(key).toInt(&ok);
    return ok ? range.clamp(value) : range.defaultValue;
}

void AppSettings::setBoundedInt(const QString &key, int value, const SettingRange &range)
{
    m_settings->setValue(key, range.clamp(value));
}

int AppSettings::refreshIntervalSeconds() const
{
    return boundedInt(RefreshIntervalKey, Limits::RefreshIntervalSeconds);
}

void AppSettings::setRefreshIntervalSeconds(int seconds)
{
    setBoundedInt(RefreshIntervalKey, seconds, Limits::RefreshIntervalSeconds);
}

int AppSettings::maxRequestsInFlight() const
{
    return boundedInt(MaxInFlightKey, Limits::RequestsInFlight);
}

void AppSettings::setMaxRequestsInFlight(int requests)
{
    setBoundedInt(MaxInFlightKey, requests, Limits::RequestsInFlight);
}

int AppSettings::maxRequestsPerSecond() const
{
    return boundedInt(MaxPerSecondKey, Limits::RequestsPerSecond);
}

void AppSettings::setMaxRequestsPerSecond(int requests)
{
    setBoundedInt(MaxPerSecondKey, requests, Limits::RequestsPerSecond);
}

int AppSettings::expiryHours() const
{
    return boundedInt(ExpiryHoursKey, Limits::ExpiryHours);
}

void AppSettings::setExpiryHours(int hours)
{
    setBoundedInt(ExpiryHoursKey, hours, Limits::ExpiryHours);
}

int AppSettings::transferTimeoutSeconds() const
{
    return boundedInt(TransferTimeoutKey, Limits::TransferTimeoutSeconds);
}

void AppSettings::setTransferTimeoutSeconds(int seconds)
{
    setBoundedInt(TransferTimeoutKey, seconds, Limits::TransferTimeoutSeconds);
}

PollPolicy AppSettings::applyTo(PollPolicy policy) const
{
    policy.refreshIntervalSeconds = refreshIntervalSeconds();
    policy.maxRequestsInFlight = maxRequestsInFlight();
    policy.maxRequestsPerSecond = maxRequestsPerSecond();
    policy.expiryHours = expiryHours();
    return policy;
}

bool AppSettings::typedTokenInKeychain() const
{
    return m_settings->value(TypedTokenInKeychainKey, false).toBool();
}

void AppSettings::forgetTypedToken()
{
    m_settings->remove(TypedTokenInKeychainKey);
    m_settings->remove(RememberTypedTokenKey);
}

QString AppSettings::lastDownloadFolder() const
{
    return m_settings->value(LastDownloadFolderKey, QDir::homePath()).toString();
}

void AppSettings::setLastDownloadFolder(const QString &folder)
{
    m_settings->setValue(LastDownloadFolderKey, folder);
}

bool AppSettings::decompressDownloads() const
{
    return m_settings->value(DecompressDownloadsKey, false).toBool();
}

void AppSettings::setDecompressDownloads(bool decompress)
{
    m_settings->setValue(DecompressDownloadsKey, decompress);
}

int AppSettings::maxInflatedGiB() const
{
    return boundedInt(MaxInflatedGiBKey, ScanLimits::InflatedGiB);
}

void AppSettings::setMaxInflatedGiB(int gib)
{
    setBoundedInt(MaxInflatedGiBKey, gib, ScanLimits::InflatedGiB);
}

int AppSettings::maxInflationRatio() const
{
    return boundedInt(MaxInflationRatioKey, ScanLimits::Ratio);
}

void AppSettings::setMaxInflationRatio(int ratio)
{
    setBoundedInt(MaxInflationRatioKey, ratio, ScanLimits::Ratio);
}

ScanLimits AppSettings::scanLimits() const
{
    return ScanLimits::withCaps(maxInflatedGiB(), maxInflationRatio());
}

QString AppSettings::language() const
{
    return m_settings->value(LanguageKey).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings->setValue(LanguageKey, language);
}

QString AppSettings::theme() const
{
    const QString theme = m_settings->value(ThemeKey).toString();
    return theme == u"light" || theme == u"dark" ? theme : QStringLiteral("system");
}

void AppSettings::setTheme(const QString &theme)
{
    m_settings->setValue(ThemeKey, theme);
}

bool AppSettings::closeToTray() const
{
    return m_settings->value(CloseToTrayKey, false).toBool();
}

void AppSettings::setCloseToTray(bool keep)
{
    m_settings->setValue(CloseToTrayKey, keep);
}

bool AppSettings::closeToTrayExplained() const
{
    return m_settings->value(CloseToTrayExplainedKey, false).toBool();
}

void AppSettings::setCloseToTrayExplained(bool explained)
{
    m_settings->setValue(CloseToTrayExplainedKey, explained);
}

int AppSettings::lastExportKind() const
{
    bool ok = false;
    const int kind = m_settings->value(LastExportKindKey).toInt(&ok);
    return ok ? kind : -1;
}

void AppSettings::setLastExportKind(int kind)
{
    m_settings->setValue(LastExportKindKey, kind);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(GeometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(GeometryKey, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(WindowStateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(WindowStateKey, state);
}

QByteArray AppSettings::tableHeaderState() const
{
    return m_settings->value(HeaderStateKey).toByteArray();
}

void AppSettings::setTableHeaderState(const QByteArray &state)
{
    m_settings->setValue(HeaderStateKey, state);
}

QByteArray AppSettings::splitterState() const
{
    return m_settings->value(SplitterStateKey).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(SplitterStateKey, state);
}

void AppSettings::sync()
{
    m_settings->sync();
}
