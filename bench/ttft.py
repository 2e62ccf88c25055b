#!/usr/bin/env python3
"""Streaming time to first token, sequentially over one keep-alive connection (standard library only).

For each of N POSTs with "stream": true it records, from just before the request is sent:
  ttfb   - the first byte of the response body (the first SSE event: the role chunk),
  ttft   - the first event carrying non-empty "content" (the first token),
then reads the stream to its end ("data: [DONE]") so the connection is reused.
Prints one RESULT line with median / p90 / p99 in microseconds.
"""
import argparse
import http.client
import json
import statistics
import sys
import time


def percentile(values, p):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--key", default="")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("loopback targets only")

    body = json.dumps({
        "model": args.model,
        "stream": True,
        "max_tokens": 32,
        "messages": [{"role": "user", "content": "Say hello in one short sentence."}],
    }).encode()
    headers = {"Content-Type": "application/json", "Authorization": "Bearer " + args.key}
    conn = http.client.HTTPConnection(args.host, args.port, timeout=10)
    ttfb, ttft, failures = [], [], 0
    for i in range(args.warmup + args.requests):
        start = time.perf_counter()
        conn.request("POST", "/v1/chat/completions", body=body, headers=headers)
        response = conn.getresponse()
        first_byte = first_token = None
        while True:
            line = response.readline()
            if not line:
                break
            now = time.perf_counter()
            if first_byte is None:
                first_byte = now
            if first_token is None and line.startswith(b"data: {") and b'"content":"' in line and b'"content":""' not in line:
                first_token = now
        response.close()
        if response.status != 200 or first_token is None:
            failures += 1
            conn.close()
            conn = http.client.HTTPConnection(args.host, args.port, timeout=10)
            continue
        if i >= args.warmup:
            ttfb.append((first_byte - start) * 1e6)
            ttft.append((first_token - start) * 1e6)
    conn.close()
    if not ttft:
        print("RESULT n=0 failures=%d" % failures)
        return 1
    print("RESULT n=%d failures=%d ttfb_p50_us=%d ttfb_p99_us=%d ttft_p50_us=%d ttft_p90_us=%d ttft_p99_us=%d ttft_mean_us=%d" % (
        len(ttft), failures,
        statistics.median(ttfb), percentile(ttfb, 99),
        statistics.median(ttft), percentile(ttft, 90), percentile(ttft, 99), statistics.fmean(ttft)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
