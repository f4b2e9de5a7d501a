#!/usr/bin/env python3
"""A local SMTP sink for bench/run: accepts every message and throws it away, counting them.

    bench/smtp_sink.py PORT COUNT_FILE

Speaks just enough SMTP for a client without TLS or authentication (EHLO/HELO, MAIL, RCPT, DATA,
RSET, NOOP, QUIT); writes the number of messages accepted so far to COUNT_FILE (at most five
times a second, and on exit). Plain asyncio, no smtpd (gone from Python 3.12).
"""
import asyncio
import os
import signal
import sys

count = 0
written = -1


def write_count(path):
    global written
    if count != written:
        with open(path + '.tmp', 'w') as f:
            f.write('%d\n' % count)
        os.replace(path + '.tmp', path)
        written = count


async def session(reader, writer):
    global count
    try:
        writer.write(b'220 ugd-bench SMTP sink\r\n')
        await writer.drain()
        in_data = False
        while True:
            line = await reader.readline()
            if not line:
                break
            if in_data:
                if line.rstrip(b'\r\n') == b'.':
                    in_data = False
                    count += 1
                    writer.write(b'250 2.0.0 OK queued\r\n')
                    await writer.drain()
                continue
            verb = line[:4].upper()
            if verb == b'EHLO':
                writer.write(b'250-ugd-bench\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n')
            elif verb == b'DATA':
                in_data = True
                writer.write(b'354 End data with <CR><LF>.<CR><LF>\r\n')
            elif verb == b'QUIT':
                writer.write(b'221 2.0.0 Bye\r\n')
                await writer.drain()
                break
            else:
                writer.write(b'250 OK\r\n')
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def main(port, path):
    server = await asyncio.start_server(session, '127.0.0.1', port, limit=1 << 20)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    write_count(path)
    async with server:
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), 0.2)
            except asyncio.TimeoutError:
                pass
            write_count(path)
    write_count(path)


if __name__ == '__main__':
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
