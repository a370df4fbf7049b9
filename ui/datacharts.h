#pragma once

#include <QWidget>

struct DataSummary;
class QChartView;

// The two charts of the Data view: the customers with the largest totals, and for usage the
// total of each day of the period. Themed from the palette, so they read in light and dark.
class DataCharts : public QWidget
{
    Q_OBJECT
public:
    static constexpr int TopCustomers = 10;

    explicit DataCharts(QWidget *parent = nullptr);

    void setSummary(const DataSummary &summary);
    void clear();

    QChartView *customersView() const { return m_customers; }
    QChartView *daysView() const { return m_days; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    QChartView *m_customers;
    QChartView *m_days;
};
