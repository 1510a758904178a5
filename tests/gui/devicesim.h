// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

namespace pos::test {

// A network receipt printer on a free loopback port: keeps every byte it receives and
// answers the paper-status query (DLE EOT 4) with a status byte the test chooses.
class PrinterListener : public QObject
{
    Q_OBJECT

public:
    static constexpr char kPaperOk = 0x12;
    static constexpr char kPaperEnd = 0x72;

    PrinterListener();
    quint16 port() const { return m_server.serverPort(); }
    QByteArray received() const { return m_received; }
    void clear() { m_received.clear(); }
    void setStatus(char status) { m_status = status; }

private:
    QTcpServer m_server;
    QByteArray m_received;
    char m_status = kPaperOk;
};

// A pseudo-terminal pair standing in for a serial cash drawer: the till opens the slave
// path as its serial port; the test reads what arrives on the master side.
class PtyPair
{
public:
    PtyPair();
    ~PtyPair();
    bool ok() const { return m_master >= 0; }
    QString slavePath() const { return m_slave; }
    QByteArray readAll();

private:
    int m_master = -1;
    int m_held = -1;
    QString m_slave;
};

} // namespace pos::test
