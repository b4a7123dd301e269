#!/usr/bin/env node
import { lstatSync, unlinkSync, openSync, constants, writeSync, closeSync, readFileSync, readSync, accessSync, mkdirSync, writeFileSync, rmSync, linkSync, readdirSync, chmodSync, chownSync, readlinkSync, copyFileSync, statSync, existsSync, realpathSync, mkdtempSync } from 'node:fs';
import { constants as constants$1, totalmem, tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, normalize, posix, join, delimiter, relative, resolve } from 'node:path';
import { domainToUnicode, domainToASCII, fileURLToPath } from 'node:url';
import { randomBytes, X509Certificate, createHash } from 'node:crypto';
import { StringDecoder } from 'string_decoder';
import * as os from 'os';
import * as events from 'events';
import * as child from 'child_process';
import * as path from 'path';
import 'assert';
import * as fs from 'fs';
import { setTimeout as setTimeout$1 } from 'timers';
import { spawn } from 'node:child_process';
import net from 'node:net';
import dgram from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { parseArgs as parseArgs$1 } from 'node:util';

/**
 * The shared vocabulary of refusals. Every value a person typed that cannot be used becomes an
 * `InputError` listing each problem: where (input, flag or file key), the value, and what
 * would be accepted. Policy errors are one kind of it.
 */
/**
 * Characters that change how the text around them reads without being visible: C1 controls,
 * bidirectional overrides and isolates (which reorder what follows), zero-width characters,
 * the line and paragraph separators, soft hyphen and the byte-order mark. JSON.stringify
 * leaves every one of them raw.
 */
const INVISIBLE = /[\u0080-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
function escapeInvisible(text) {
    return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Untrusted text inside a message, unquoted: controls and invisible characters escaped. */
function safeText(value) {
    return escapeInvisible(JSON.stringify(value).slice(1, -1));
}
/** Shows untrusted text safely in one line of a message: quoted, controls escaped, bounded. */
function quote(value) {
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    return escapeInvisible(JSON.stringify(shown));
}
/**
 * `shown` replaces the quoted value in the message when the value reads better another way
 * (a number as written, `2` rather than `"2"`); an empty `shown` leaves the value out.
 */
function problem(where, value, why, expected, shown) {
    const place = safeText(where);
    const subject = shown === undefined ? quote(value) : escapeInvisible(shown);
    return {
        where: place,
        value,
        expected,
        message: `${place}: ${subject ? `${subject} ` : ''}${escapeInvisible(why)}. ${escapeInvisible(expected)}`
    };
}
function isProblem(x) {
    return typeof x === 'object' && x !== null && 'message' in x && 'expected' in x;
}
/** Every problem of one kind of input, reported together. */
class InputError extends Error {
    problems;
    /** How the CLI and the action introduce the problems: "invalid policy", "invalid input". */
    title = 'invalid input';
    constructor(problems) {
        super(problems.map((p) => p.message).join('\n'));
        this.problems = problems;
        this.name = 'InputError';
    }
}
/** The message of anything thrown, whether or not it is an Error. */
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}
/** How messages name a value's source: `input allow-domains` or `flag --allow-domains`. */
function inputWhere(origin, name) {
    return origin === 'input' ? `input ${name}` : `flag --${name}`;
}

/**
 * The exit statuses the tool gives besides the command's own, used by the CLI, the action's
 * messages and the summary alike.
 */
const ExitCode = {
    /** Invalid input: a flag, an input or the policy. Nothing was started. */
    usage: 2,
    /** The command succeeded but fail-on-blocked found blocks outside expected-blocks (CLI). */
    blocked: 3,
    /** The command succeeded but left git metadata a later git command would run (git-integrity: fail). */
    git: 4,
    /** The command was still running at agent-timeout, as timeout(1) reports it. */
    timeout: 124,
    /** The sandbox could not start, or the firewall failed under the running command. */
    sandbox: 125
};
/** The status a command killed by a signal is reported with, as a shell does. */
function signalExitCode(signalNumber) {
    return 128 + signalNumber;
}

/**
 * Check if `vhost` is a valid suffix of `hostname` (top-domain)
 *
 * It means that `vhost` needs to be a suffix of `hostname` and we then need to
 * make sure that: either they are equal, or the character preceding `vhost` in
 * `hostname` is a '.' (it should not be a partial label).
 *
 * * hostname = 'not.evil.com' and vhost = 'vil.com'      => not ok
 * * hostname = 'not.evil.com' and vhost = 'evil.com'     => ok
 * * hostname = 'not.evil.com' and vhost = 'not.evil.com' => ok
 */
function shareSameDomainSuffix(hostname, vhost) {
    if (hostname.endsWith(vhost)) {
        return (hostname.length === vhost.length ||
            hostname[hostname.length - vhost.length - 1] === '.');
    }
    return false;
}
/**
 * Given a hostname and its public suffix, extract the general domain.
 */
function extractDomainWithSuffix(hostname, publicSuffix) {
    // Locate the index of the last '.' in the part of the `hostname` preceding
    // the public suffix.
    //
    // examples:
    //   1. not.evil.co.uk  => evil.co.uk
    //         ^    ^
    //         |    | start of public suffix
    //         | index of the last dot
    //
    //   2. example.co.uk   => example.co.uk
    //     ^       ^
    //     |       | start of public suffix
    //     |
    //     | (-1) no dot found before the public suffix
    const publicSuffixIndex = hostname.length - publicSuffix.length - 2;
    const lastDotBeforeSuffixIndex = hostname.lastIndexOf('.', publicSuffixIndex);
    // No '.' found, then `hostname` is the general domain (no sub-domain)
    if (lastDotBeforeSuffixIndex === -1) {
        return hostname;
    }
    // Extract the part between the last '.'
    return hostname.slice(lastDotBeforeSuffixIndex + 1);
}
/**
 * Detects the domain based on rules and upon and a host string
 */
function getDomain$1(suffix, hostname, options) {
    // Check if `hostname` ends with a member of `validHosts`.
    if (options.validHosts !== null) {
        const validHosts = options.validHosts;
        for (const vhost of validHosts) {
            if ( /*@__INLINE__*/shareSameDomainSuffix(hostname, vhost)) {
                return vhost;
            }
        }
    }
    let numberOfLeadingDots = 0;
    if (hostname.startsWith('.')) {
        while (numberOfLeadingDots < hostname.length &&
            hostname[numberOfLeadingDots] === '.') {
            numberOfLeadingDots += 1;
        }
    }
    // If `hostname` is a valid public suffix, then there is no domain to return.
    // Since we already know that `getPublicSuffix` returns a suffix of `hostname`
    // there is no need to perform a string comparison and we only compare the
    // size.
    if (suffix.length === hostname.length - numberOfLeadingDots) {
        return null;
    }
    // To extract the general domain, we start by identifying the public suffix
    // (if any), then consider the domain to be the public suffix with one added
    // level of depth. (e.g.: if hostname is `not.evil.co.uk` and public suffix:
    // `co.uk`, then we take one more level: `evil`, giving the final result:
    // `evil.co.uk`).
    return /*@__INLINE__*/ extractDomainWithSuffix(hostname, suffix);
}

/**
 * Return the part of domain without suffix.
 *
 * Example: for domain 'foo.com', the result would be 'foo'.
 */
function getDomainWithoutSuffix(domain, suffix) {
    // Note: here `domain` and `suffix` cannot have the same length because in
    // this case we set `domain` to `null` instead. It is thus safe to assume
    // that `suffix` is shorter than `domain`.
    return domain.slice(0, -suffix.length - 1);
}

/**
 * Matches an ASCII tab (U+0009) or newline (U+000A / U+000D). The WHATWG URL
 * parser strips these before parsing; we only allocate a cleaned copy (and
 * re-parse) on the rare input that actually contains one.
 */
const CONTROL_CHARS = /[\t\n\r]/g;
// Set by `extractHostname` (a module-scope flag, read synchronously by
// `parseImpl` right after the call — same pattern as the reused RESULT object).
// `true` ONLY when extraction validated the returned host inline (a confirmed-
// valid, "simple" authority) so `parseImpl` can skip the separate
// `isValidHostname` pass. `false` in every other case (validation disabled, a
// complex authority — userinfo/port/brackets/trailing-dot/control — an invalid
// host, or a non-main return path); `parseImpl` then validates as usual. The
// fast path can only ever SKIP a redundant scan for hosts already known valid,
// never accept an invalid one.
let extractedHostnameValidated = false;
/**
 * True if char `code` is a valid hostname character. This is the per-char half
 * of `is-valid.ts`'s `isValidAscii` (a-z, 0-9, > U+007F) PLUS three additions:
 * A-Z (the host is lowercased before validation, so uppercase ≡ a valid
 * lowercase letter) and '-' / '_' (valid inside a label). KEEP IN SYNC with
 * `is-valid.ts`: these rules are deliberately duplicated to validate during
 * extraction, so any change to the accepted character set there must be
 * mirrored here (and vice-versa).
 */
function isValidHostnameChar(code) {
    return ((code >= 97 && code <= 122) || // a-z
        (code >= 48 && code <= 57) || // 0-9
        code > 127 || // non-ASCII (accepted, not punycode-checked)
        (code >= 65 && code <= 90) || // A-Z (becomes valid once lowercased)
        code === 45 || // '-'
        code === 95 // '_'
    );
}
/**
 * Classify scheme `url.slice(schemeStart, colonIndex)` as a WHATWG special
 * scheme without allocating a substring (case-insensitive via `| 32`).
 * Special schemes: ftp, file, http, https, ws, wss
 * (https://url.spec.whatwg.org/#special-scheme).
 *
 * @returns 0 = not special, 1 = special, 2 = file (its host sits only between
 *          "//" and the next slash).
 */
function getSpecialScheme(url, schemeStart, colonIndex) {
    const length = colonIndex - schemeStart;
    const c0 = url.charCodeAt(schemeStart) | 32;
    if (length === 2) {
        return c0 === 119 && (url.charCodeAt(schemeStart + 1) | 32) === 115 ? 1 : 0; // ws
    }
    else if (length === 3) {
        const c1 = url.charCodeAt(schemeStart + 1) | 32;
        const c2 = url.charCodeAt(schemeStart + 2) | 32;
        if (c0 === 119 && c1 === 115 && c2 === 115)
            return 1; // wss
        if (c0 === 102 && c1 === 116 && c2 === 112)
            return 1; // ftp
        return 0;
    }
    else if (length === 4) {
        const c1 = url.charCodeAt(schemeStart + 1) | 32;
        const c2 = url.charCodeAt(schemeStart + 2) | 32;
        const c3 = url.charCodeAt(schemeStart + 3) | 32;
        if (c0 === 104 && c1 === 116 && c2 === 116 && c3 === 112)
            return 1; // http
        if (c0 === 102 && c1 === 105 && c2 === 108 && c3 === 101)
            return 2; // file
        return 0;
    }
    else if (length === 5) {
        return c0 === 104 &&
            (url.charCodeAt(schemeStart + 1) | 32) === 116 &&
            (url.charCodeAt(schemeStart + 2) | 32) === 116 &&
            (url.charCodeAt(schemeStart + 3) | 32) === 112 &&
            (url.charCodeAt(schemeStart + 4) | 32) === 115
            ? 1
            : 0; // https
    }
    return 0;
}
/**
 * Extract a hostname from `url`, matching a WHATWG URL parser's host-boundary
 * behaviour (https://url.spec.whatwg.org/#concept-basic-url-parser) for tldts'
 * scope. It deliberately does NOT normalise the host (no IDNA/punycode or IPv4
 * canonicalisation; IPv6 brackets are stripped, not compressed), strips trailing
 * dots, and stays lenient where a strict parser rejects (bare host:port,
 * out-of-range port, user@host) — all documented deviations.
 *
 * @param urlIsValidHostname - when true, `url` is already a valid hostname and is
 *   returned by the same reference (factory.ts skips re-validation on that
 *   identity), keeping the common path allocation-free.
 * @param validate - when true, validate the host inline during the authority
 *   scan and publish the verdict via `extractedHostnameValidated` so `parseImpl`
 *   can skip the redundant `isValidHostname` pass for simple authorities.
 */
function extractHostname(url, urlIsValidHostname, validate = false) {
    let start = 0;
    let end = url.length;
    let hasUpper = false;
    let isSpecial = true; // '\' ends the host, unless non-special "scheme://"
    extractedHostnameValidated = false;
    if (!urlIsValidHostname) {
        // WHATWG step 1: trim leading/trailing C0 control or space (<= U+0020).
        // Tab/newline elsewhere are handled lazily below.
        while (start < url.length && url.charCodeAt(start) <= 32) {
            start += 1;
        }
        // "data:"/"javascript:" never reach a host (inline payload; data URLs may be
        // huge). `| 32` lowercases letters only; tab/newline is re-parsed below.
        if ((url.charCodeAt(start + 4) === 58 /* ':' */ &&
            (url.charCodeAt(start) | 32) === 100 /* d */ &&
            (url.charCodeAt(start + 1) | 32) === 97 /* a */ &&
            (url.charCodeAt(start + 2) | 32) === 116 /* t */ &&
            (url.charCodeAt(start + 3) | 32) === 97) /* a */ ||
            (url.charCodeAt(start + 10) === 58 /* ':' */ &&
                (url.charCodeAt(start) | 32) === 106 /* j */ &&
                (url.charCodeAt(start + 1) | 32) === 97 /* a */ &&
                (url.charCodeAt(start + 2) | 32) === 118 /* v */ &&
                (url.charCodeAt(start + 3) | 32) === 97 /* a */ &&
                (url.charCodeAt(start + 4) | 32) === 115 /* s */ &&
                (url.charCodeAt(start + 5) | 32) === 99 /* c */ &&
                (url.charCodeAt(start + 6) | 32) === 114 /* r */ &&
                (url.charCodeAt(start + 7) | 32) === 105 /* i */ &&
                (url.charCodeAt(start + 8) | 32) === 112 /* p */ &&
                (url.charCodeAt(start + 9) | 32) === 116) /* t */) {
            return null;
        }
        while (end > start + 1 && url.charCodeAt(end - 1) <= 32) {
            end -= 1;
        }
        if ((url.charCodeAt(start) === 47 /* '/' */ ||
            url.charCodeAt(start) === 92) /* '\' */ &&
            (url.charCodeAt(start + 1) === 47 /* '/' */ ||
                url.charCodeAt(start + 1) === 92) /* '\' */) {
            // Scheme-relative reference ("//host/path").
            start += 2;
        }
        else {
            let indexOfProtocol = url.indexOf(':/', start);
            if (indexOfProtocol !== -1) {
                // "scheme://…". Classify the scheme, then position `start` at the host.
                const special = getSpecialScheme(url, start, indexOfProtocol);
                if (special === 1) {
                    // Special scheme: skip the run of '/' and '\' after it
                    // (special-authority-(ignore-)slashes states; '\' acts as '/').
                    start = indexOfProtocol + 2;
                    while (url.charCodeAt(start) === 47 /* '/' */ ||
                        url.charCodeAt(start) === 92 /* '\' */) {
                        start += 1;
                    }
                }
                else if (special === 2) {
                    // file: the host is only what sits between "//" and the next slash, so
                    // "file://h/x" => "h" but "file:///x" / "file:/x" => no host.
                    start = indexOfProtocol + 1;
                    let slashes = 0;
                    while ((url.charCodeAt(start) === 47 || url.charCodeAt(start) === 92) &&
                        slashes < 2) {
                        start += 1;
                        slashes += 1;
                    }
                    if (slashes < 2) {
                        return null;
                    }
                }
                else {
                    // Unknown scheme: validate the WHATWG scheme grammar [A-Za-z0-9+.-];
                    // a control char means it was split by a tab/newline (strip + re-parse).
                    for (let i = start; i < indexOfProtocol; i += 1) {
                        const code = url.charCodeAt(i);
                        if (!(((code | 32) >= 97 && (code | 32) <= 122) || // [a-zA-Z] (fold letters only)
                            (code >= 48 && code <= 57) || // [0, 9]
                            code === 46 || // '.'
                            code === 45 || // '-'
                            code === 43 // '+'
                        )) {
                            if (code === 9 /* tab */ ||
                                code === 10 /* LF */ ||
                                code === 13 /* CR */) {
                                return extractHostname(url.replace(CONTROL_CHARS, ''), urlIsValidHostname, validate);
                            }
                            // A '/', '\', '?' or '#' first puts this ':/' in a path, query or
                            // fragment ("a.com/r?u=https://x"): re-read the input without it.
                            for (let j = i; j < indexOfProtocol; j += 1) {
                                const c = url.charCodeAt(j);
                                if (c === 47 || c === 92 || c === 63 || c === 35) {
                                    indexOfProtocol = -1;
                                    break;
                                }
                            }
                            if (indexOfProtocol !== -1) {
                                return null;
                            }
                            break;
                        }
                    }
                    if (indexOfProtocol !== -1) {
                        // A non-special scheme has an authority only after "//" (else it is
                        // an opaque path with no host). `indexOf(':/')` already gave the
                        // first '/'.
                        if (url.charCodeAt(indexOfProtocol + 2) === 47 /* '/' */) {
                            isSpecial = false;
                            start = indexOfProtocol + 3;
                        }
                        else {
                            return null;
                        }
                    }
                }
            }
            if (indexOfProtocol === -1 && url.charCodeAt(start) !== 91 /* '[' */) {
                // Cold path: no "scheme://" prefix, and not a bare IPv6 literal (whose
                // first ':' would otherwise look like a scheme separator; "[…]" falls
                // through to the ipv6 handling below). May be a bare host, a host:port,
                // a user@host, a slash-less special scheme ("https:host"), or an opaque
                // URI ("mailto:", "tel:", "urn:…").
                let indexOfColon = -1;
                for (let i = start; i < end; i += 1) {
                    const code = url.charCodeAt(i);
                    if (code === 9 || code === 10 || code === 13) {
                        return extractHostname(url.replace(CONTROL_CHARS, ''), urlIsValidHostname, validate);
                    }
                    if (code === 58 /* ':' */) {
                        indexOfColon = i;
                        break;
                    }
                    if (code === 47 || code === 92 || code === 63 || code === 35) {
                        break;
                    }
                }
                if (indexOfColon !== -1) {
                    // An '@' before the next delimiter => the ':' is userinfo, not a
                    // scheme ("user:pass@host", "mailto:a@b"): keep the whole authority.
                    let hasIdentifier = false;
                    for (let i = indexOfColon + 1; i < end; i += 1) {
                        const code = url.charCodeAt(i);
                        if (code === 47 || code === 92 || code === 63 || code === 35) {
                            break;
                        }
                        if (code === 64 /* '@' */) {
                            hasIdentifier = true;
                            break;
                        }
                    }
                    if (!hasIdentifier) {
                        // All-digits after ':' => a bare "host:port" (tldts accepts
                        // hostnames too); keep `start` and let the port handling trim it.
                        let allDigits = true;
                        let i = indexOfColon + 1;
                        for (; i < end; i += 1) {
                            const code = url.charCodeAt(i);
                            if (code === 47 || code === 92 || code === 63 || code === 35) {
                                break;
                            }
                            if (code < 48 /* '0' */ || code > 57 /* '9' */) {
                                allDigits = false;
                                break;
                            }
                        }
                        if (i === indexOfColon + 1) {
                            allDigits = false; // nothing after ':' => not a port
                        }
                        if (!allDigits) {
                            const special = getSpecialScheme(url, start, indexOfColon);
                            if (special === 0) {
                                // No "scheme://" on the cold path and not a special scheme.
                                // A second ':' before the host's end marks a bare, unbracketed
                                // IPv6 literal ("2a01:e35::1"): fall through and let the host
                                // loop + isIp classify it. Without one this is an opaque path
                                // with no host ("mailto:x", "foo:bar").
                                let isBareIpv6 = false;
                                for (let j = indexOfColon + 1; j < end; j += 1) {
                                    const code = url.charCodeAt(j);
                                    if (code === 47 ||
                                        code === 92 ||
                                        code === 63 ||
                                        code === 35) {
                                        break;
                                    }
                                    if (code === 58 /* ':' */) {
                                        isBareIpv6 = true;
                                        break;
                                    }
                                }
                                if (!isBareIpv6) {
                                    return null;
                                }
                            }
                            else {
                                start = indexOfColon + 1;
                                if (special === 2) {
                                    // file (e.g. "file:\\host"): host only between "//" and next slash.
                                    let slashes = 0;
                                    while ((url.charCodeAt(start) === 47 ||
                                        url.charCodeAt(start) === 92) &&
                                        slashes < 2) {
                                        start += 1;
                                        slashes += 1;
                                    }
                                    if (slashes < 2) {
                                        return null;
                                    }
                                }
                                else {
                                    while (url.charCodeAt(start) === 47 ||
                                        url.charCodeAt(start) === 92) {
                                        start += 1;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Find the host's end: first '/', '?' or '#' (and '\' for special URLs,
        // which WHATWG treats like '/'). Track the last '@', ']' and ':' for
        // userinfo, ipv6 and port, plus the first ':' of the host (reset at each
        // '@') to tell a bare IPv6 (>= 2 colons) from a host:port (exactly one);
        // flag uppercase and a stray tab/newline. The loop is split on `code < 64`
        // so common host characters take fewer comparisons.
        //
        // When `validate`, also accumulate `is-valid.ts`'s checks over the scanned
        // run so a simple authority's host can be validated in this single pass.
        // `vValid` only stays meaningful for a "simple" authority (no userinfo, port,
        // brackets, control or trailing dot); those cases clear it / are rejected by
        // the guard below, falling back to `isValidHostname`.
        let indexOfIdentifier = -1;
        let indexOfClosingBracket = -1;
        let indexOfPort = -1;
        let indexOfFirstColon = -1;
        let hasControl = false;
        let vValid = validate; // seeded true when validating; cleared on the first invalid char
        let vLastDot = start - 1; // mirrors is-valid.ts `lastDotIndex = -1` at host start
        let vLastCode = -1;
        if (validate && start < end) {
            // First-char rule: must be a valid host char, '.', or '_' (NOT '-').
            const c0 = url.charCodeAt(start);
            if (
            // Keep these parens: they scope /*@__INLINE__*/ for terser.
            // prettier-ignore
            !(
            /*@__INLINE__*/ (isValidHostnameChar(c0) ||
                c0 === 46 /* '.' */ ||
                c0 === 95 /* '_' */)) ||
                c0 === 45 /* '-' (isValidHostnameChar allows it mid-label, not first) */) {
                vValid = false;
            }
        }
        for (let i = start; i < end; i += 1) {
            const code = url.charCodeAt(i);
            if (code < 64) {
                if (code === 47 || code === 35 || code === 63) {
                    end = i;
                    break;
                }
                else if (code === 58 /* ':' */) {
                    if (indexOfFirstColon === -1) {
                        indexOfFirstColon = i;
                    }
                    indexOfPort = i;
                }
                else if (code === 9 || code === 10 || code === 13) {
                    hasControl = true;
                }
                else if (validate) {
                    if (code === 46 /* '.' */) {
                        if (i - vLastDot > 64 || vLastCode === 46 || vLastCode === 45) {
                            vValid = false;
                        }
                        vLastDot = i;
                    }
                    else if (code < 48 || code > 57) {
                        // < 64 and not a delimiter/dot/digit => only '-' (45) is a valid
                        // host char here; everything else (space, %, !, etc.) is invalid.
                        // A '-' must also not START a label (the byte right after a '.') —
                        // mirrors is-valid.ts; the first label is covered by the first-char
                        // rule above. (RFC 1034 §3.5 / RFC 1035 §2.3.1 LDH.)
                        if (code !== 45 || vLastCode === 46 /* label-leading '-' */) {
                            vValid = false;
                        }
                    }
                }
            }
            else if (isSpecial && code === 92 /* '\' */) {
                end = i;
                break;
            }
            else if (code === 64 /* '@' */) {
                indexOfIdentifier = i;
                indexOfFirstColon = -1; // colons before '@' are userinfo, not the host
            }
            else if (code === 93 /* ']' */) {
                indexOfClosingBracket = i;
            }
            else if (code >= 65 && code <= 90) {
                hasUpper = true;
            }
            else if (validate && !( /*@__INLINE__*/isValidHostnameChar(code))) {
                // >= 64, not '@'/']'/upper: valid only if a-z, '_', or non-ASCII.
                vValid = false;
            }
            if (validate) {
                vLastCode = code;
            }
        }
        // A tab/newline inside the authority: strip everything and re-parse (rare).
        if (hasControl) {
            return extractHostname(url.replace(CONTROL_CHARS, ''), urlIsValidHostname, validate);
        }
        // Skip userinfo. '>= start' so an empty userinfo ("http://@host") works too.
        if (indexOfIdentifier !== -1 &&
            indexOfIdentifier >= start &&
            indexOfIdentifier < end) {
            start = indexOfIdentifier + 1;
        }
        if (url.charCodeAt(start) === 91 /* '[' */) {
            // ipv6 address: return what is between the brackets, or null if unclosed.
            if (indexOfClosingBracket !== -1) {
                return url.slice(start + 1, indexOfClosingBracket).toLowerCase();
            }
            return null;
        }
        else if (indexOfPort !== -1 &&
            indexOfPort > start &&
            indexOfPort < end &&
            // A host:port has exactly one ':' in the host (so its first ':' is its
            // last); a bare, unbracketed IPv6 literal ("2a01:e35::1") has >= 2, so
            // its first ':' precedes the last. Only the former has a ':port' to trim.
            indexOfFirstColon === indexOfPort) {
            end = indexOfPort; // trim ':port'
        }
        // Empty authority ("http://", "file:///path", "//"); only reachable here via
        // extraction — a bare valid hostname never lands here.
        if (start >= end) {
            return null;
        }
        // Publish the inline-validation verdict — but only for a "simple" authority,
        // where the scanned run equals the final host: no userinfo skip, no port
        // trim, no brackets, no trailing dot (trimmed below), and length within RFC
        // limits. Anything else leaves it `false` so `parseImpl` re-validates.
        //
        // Every clause below is load-bearing for CORRECTNESS, not just speed: the
        // loop accumulates `vValid` over the whole scanned run (it does not stop at
        // ':' or '@', so any port/userinfo bytes are included), so the verdict is
        // only sound when that run equals the final host. Do not drop a clause as
        // "redundant" — e.g. without `indexOfPort === -1`, `host:8080` would be
        // wrongly accepted.
        if (validate &&
            vValid &&
            indexOfIdentifier === -1 &&
            indexOfPort === -1 &&
            indexOfClosingBracket === -1 &&
            url.charCodeAt(end - 1) !== 46 /* no trailing dot */ &&
            end - start <= 255 && // total length
            end - vLastDot - 1 <= 63 && // last label length
            vLastCode !== 45 /* last char not '-' */) {
            extractedHostnameValidated = true;
        }
    }
    // Trim trailing dots
    while (end > start + 1 && url.charCodeAt(end - 1) === 46 /* '.' */) {
        end -= 1;
    }
    const hostname = start !== 0 || end !== url.length ? url.slice(start, end) : url;
    if (hasUpper) {
        return hostname.toLowerCase();
    }
    return hostname;
}

/**
 * Check if a hostname is an IP. You should be aware that this only works
 * because `hostname` is already garanteed to be a valid hostname!
 */
function isProbablyIpv4(hostname) {
    // Cannot be shorted than 1.1.1.1
    if (hostname.length < 7) {
        return false;
    }
    // Cannot be longer than: 255.255.255.255
    if (hostname.length > 15) {
        return false;
    }
    let numberOfDots = 0;
    for (let i = 0; i < hostname.length; i += 1) {
        const code = hostname.charCodeAt(i);
        if (code === 46 /* '.' */) {
            numberOfDots += 1;
        }
        else if (code < 48 /* '0' */ || code > 57 /* '9' */) {
            return false;
        }
    }
    return (numberOfDots === 3 &&
        hostname.charCodeAt(0) !== 46 /* '.' */ &&
        hostname.charCodeAt(hostname.length - 1) !== 46 /* '.' */);
}
/**
 * Similar to isProbablyIpv4.
 */
function isProbablyIpv6(hostname) {
    if (hostname.length < 3) {
        return hostname === '::';
    }
    let start = hostname.startsWith('[') ? 1 : 0;
    let end = hostname.length;
    if (hostname[end - 1] === ']') {
        end -= 1;
    }
    // We only consider the maximum size of a normal IPV6. Note that this will
    // fail on so-called "IPv4 mapped IPv6 addresses" but this is a corner-case
    // and a proper validation library should be used for these.
    if (end - start > 39) {
        return false;
    }
    let hasColon = false;
    for (; start < end; start += 1) {
        const code = hostname.charCodeAt(start);
        if (code === 58 /* ':' */) {
            hasColon = true;
        }
        else if (!((code >= 48 && code <= 57) || // 0-9
            (code >= 97 && code <= 102) || // a-f
            (code >= 65 && code <= 70) // A-F (RFC 4291 §2.2: an IPv6 hextet is hex digits only)
        )) {
            return false;
        }
    }
    return hasColon;
}
/**
 * Check if `hostname` is *probably* a valid ip addr (either ipv6 or ipv4).
 * This *will not* work on any string. We need `hostname` to be a valid
 * hostname.
 */
function isIp(hostname) {
    return isProbablyIpv6(hostname) || isProbablyIpv4(hostname);
}

/**
 * Special-use domain names from the IANA "Special-Use Domain Names" registry:
 * the authoritative list, created by RFC 6761 and maintained as new RFCs add to
 * it: https://www.iana.org/assignments/special-use-domain-names/
 * Snapshot: 2026-05-24. (RFC 6761 is not obsoleted; draft-hoffman-rfc6761bis
 * proposes to retire its prose but keep this registry, so the registry is the
 * source of truth; re-sync this list against it.)
 *
 * These names never correspond to a public registration, yet neither
 * `isIcann` nor `isPrivate` marks one as special-use: most are absent from the
 * Public Suffix List (so `a.test` looks like a registrable domain), and the
 * few that are listed (`onion`, `home.arpa`) appear there as ordinary ICANN
 * suffixes. `isSpecialUse` is the single signal that covers them all.
 *
 * Per the registry and RFC 6761 ("and any names falling within these domains"),
 * the designation covers each listed name AND all of its sub-domains. DNS labels
 * are case-insensitive (RFC 4343); `hostname` is expected to be already
 * lower-cased and trailing-dot-stripped, as produced by `extractHostname`, the
 * same normalization the Public-Suffix-List lookup relies on.
 *
 * Two groups of registry entries are intentionally excluded: the numeric
 * reverse-DNS delegation zones (`10.in-addr.arpa`, the `*.ip6.arpa` ranges, …),
 * which are reverse-DNS PTR zones rather than hostnames and whose parents
 * (`in-addr.arpa`/`ip6.arpa`) are already in the Public Suffix List; and the
 * deprecated `eap-noob.arpa` entry.
 */
const SPECIAL_USE_DOMAINS = [
    'test', // RFC 6761
    'localhost', // RFC 6761
    'invalid', // RFC 6761
    'example', // RFC 6761
    'example.com', // RFC 6761
    'example.net', // RFC 6761
    'example.org', // RFC 6761
    'local', // RFC 6762 (mDNS)
    'onion', // RFC 7686 (Tor)
    'alt', // RFC 9476
    'home.arpa', // RFC 8375
    'ipv4only.arpa', // RFC 8880
    'resolver.arpa', // RFC 9462
    'service.arpa', // RFC 9665
    '6tisch.arpa', // RFC 9031
    'eap.arpa', // RFC 9965
];
/**
 * Return `true` if `hostname` is, or is a sub-domain of, a special-use domain
 * (see the registry note above). Expects an already-normalized `hostname`.
 */
function isSpecialUse(hostname) {
    for (const name of SPECIAL_USE_DOMAINS) {
        // Match on a label boundary: `hostname` is either exactly `name` or ends
        // with `.name` (so `latest` is not matched by `test`, nor `myexample.com`
        // by `example.com`).
        if (hostname.endsWith(name) &&
            (hostname.length === name.length ||
                hostname.charCodeAt(hostname.length - name.length - 1) === 46) /* '.' */) {
            return true;
        }
    }
    return false;
}

/**
 * Implements fast shallow verification of hostnames. This does not perform a
 * struct check on the content of labels (classes of Unicode characters, etc.)
 * but instead check that the structure is valid (number of labels, length of
 * labels, etc.).
 *
 * If you need stricter validation, consider using an external library.
 */
// KEEP IN SYNC with `extract-hostname.ts` `isValidHostnameChar` + its inline
// scan/verdict, which duplicate these structural rules to validate during
// extraction (a perf fusion). That copy additionally accepts A-Z (the host is
// not yet lowercased there) and folds in '-' / '_'. Any change to the accepted
// character set or the label/length rules here must be mirrored there.
function isValidAscii(code) {
    return ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code > 127);
}
/**
 * Check if a hostname string is valid. It's usually a preliminary check before
 * trying to use getDomain or anything else.
 *
 * Beware: it does not check if the TLD exists.
 */
function isValidHostname (hostname) {
    if (hostname.length > 255) {
        return false;
    }
    if (hostname.length === 0) {
        return false;
    }
    if (
    /*@__INLINE__*/ !isValidAscii(hostname.charCodeAt(0)) &&
        hostname.charCodeAt(0) !== 46 && // '.' (dot)
        hostname.charCodeAt(0) !== 95 // '_' (underscore)
    ) {
        return false;
    }
    // Validate hostname according to RFC
    let lastDotIndex = -1;
    let lastCharCode = -1;
    const len = hostname.length;
    for (let i = 0; i < len; i += 1) {
        const code = hostname.charCodeAt(i);
        if (code === 46 /* '.' */) {
            if (
            // Check that previous label is < 63 bytes long (64 = 63 + '.')
            i - lastDotIndex > 64 ||
                // Check that previous character was not already a '.'
                lastCharCode === 46 ||
                // Check that the previous label does not end with '-' (RFC 1035 §2.3.1 LDH).
                // '_' is intentionally NOT restricted: DNS allows any octet (RFC 2181 §11) and
                // WHATWG URL does not treat '_' as a forbidden host code point.
                lastCharCode === 45) {
                return false;
            }
            lastDotIndex = i;
        }
        else if (
        // A forbidden character in the label...
        // Keep these parens: they scope /*@__INLINE__*/ for terser.
        // prettier-ignore
        !( /*@__INLINE__*/(isValidAscii(code) || code === 45 || code === 95)) ||
            // ...or a '-' starting a label (the byte right after a '.'). A label must
            // not begin with a hyphen (RFC 1034 §3.5 / RFC 1035 §2.3.1 LDH, as amended
            // by RFC 1123 §2.1; cf. UTS #46 CheckHyphens). The first label is covered by
            // the leading-character guard above; mirrors the trailing-'-' rule below.
            (code === 45 && lastCharCode === 46)) {
            return false;
        }
        lastCharCode = code;
    }
    return (
    // Check that last label is shorter than 63 chars
    len - lastDotIndex - 1 <= 63 &&
        // Check that the last character is an allowed trailing label character.
        // Since we already checked that the char is a valid hostname character,
        // we only need to check that it's different from '-'.
        lastCharCode !== 45);
}

/**
 * Apply `options.extraSuffixes` to the built-in lookup result in `out`, as if
 * they were part of the list (`isException`: the built-in winner is an
 * exception rule). As in browsers, the longest match prevails and an exception
 * beats a rule of the same length. Remaining ties go to the built-in match
 * (unless it matched no rule: both flags falsy), then to `icann`.
 */
function extraSuffixLookup(hostname, options, isException, out) {
    const suffix = out.publicSuffix;
    if (suffix === null) {
        return;
    }
    // Best extra exception and rule, as start indices in `hostname` (smaller is
    // longer; `none` if unmatched), and whether each is ICANN.
    const none = hostname.length + 1;
    let exception = none;
    let exceptionIsIcann = false;
    let rule = none;
    let ruleIsIcann = false;
    const extra = options.extraSuffixes;
    for (let section = 0; section < 2; section += 1) {
        const isIcann = section === 0;
        const rules = isIcann
            ? options.allowIcannDomains && extra.icann
            : options.allowPrivateDomains && extra.private;
        if (!Array.isArray(rules)) {
            continue;
        }
        for (const r of rules) {
            // Sparse or untyped lists may hold non-strings.
            if (typeof r !== 'string') {
                continue;
            }
            const exceptionRule = r.startsWith('!');
            const wildcard = r.startsWith('*.');
            const body = exceptionRule ? r.slice(1) : wildcard ? r.slice(2) : r;
            // Skip empty rules, and exceptions without a parent ('!p').
            if (body === '' ||
                (exceptionRule && !body.includes('.')) ||
                !shareSameDomainSuffix(hostname, body)) {
                continue;
            }
            let start = hostname.length - body.length;
            // Strict `<`: on a tie, the first match (`icann` first) wins.
            if (exceptionRule) {
                if (start < exception) {
                    exception = start;
                    exceptionIsIcann = isIcann;
                }
                continue;
            }
            // `*.p` also matches `p`, else one more non-empty label.
            if (wildcard && start > 1 && hostname.charCodeAt(start - 2) !== 46) {
                start = hostname.lastIndexOf('.', start - 2) + 1;
            }
            if (start < rule) {
                rule = start;
                ruleIsIcann = isIcann;
            }
        }
    }
    // Start of the built-in match: an exception starts one label left of its
    // suffix.
    const suffixStart = hostname.length - suffix.length;
    const builtin = isException
        ? hostname.lastIndexOf('.', suffixStart - 2) + 1
        : suffixStart;
    // An exception wins ties with rules; a built-in exception wins ties with
    // an extra one.
    if (exception <= rule &&
        (isException ? exception < builtin : exception <= builtin)) {
        out.publicSuffix = hostname.slice(hostname.indexOf('.', exception) + 1);
        out.isIcann = exceptionIsIcann;
        out.isPrivate = !exceptionIsIcann;
    }
    else if (rule < builtin ||
        (rule === builtin && !out.isIcann && !out.isPrivate)) {
        out.publicSuffix = hostname.slice(rule);
        out.isIcann = ruleIsIcann;
        out.isPrivate = !ruleIsIcann;
    }
}

function setDefaultsImpl({ allowIcannDomains = true, allowPrivateDomains = false, detectIp = true, detectSpecialUse = false, extraSuffixes = null, extractHostname = true, mixedInputs = true, validHosts = null, validateHostname = true, }) {
    return {
        allowIcannDomains,
        allowPrivateDomains,
        detectIp,
        detectSpecialUse,
        extraSuffixes,
        extractHostname,
        mixedInputs,
        validHosts,
        validateHostname,
    };
}
const DEFAULT_OPTIONS = /*@__INLINE__*/ setDefaultsImpl({});
function setDefaults(options) {
    if (options === undefined) {
        return DEFAULT_OPTIONS;
    }
    return /*@__INLINE__*/ setDefaultsImpl(options);
}

/**
 * Returns the subdomain of a hostname string
 */
function getSubdomain(hostname, domain) {
    // If `hostname` and `domain` are the same, then there is no sub-domain
    if (domain.length === hostname.length) {
        return '';
    }
    return hostname.slice(0, -domain.length - 1);
}

/**
 * Implement a factory allowing to plug different implementations of suffix
 * lookup (e.g.: using a trie or the packed hashes datastructures). This is used
 * and exposed in `tldts.ts` and `tldts-experimental.ts` bundle entrypoints.
 */
function getEmptyResult() {
    return {
        domain: null,
        domainWithoutSuffix: null,
        hostname: null,
        isIcann: null,
        isIp: null,
        isPrivate: null,
        isSpecialUse: null,
        publicSuffix: null,
        subdomain: null,
    };
}
function resetResult(result) {
    result.domain = null;
    result.domainWithoutSuffix = null;
    result.hostname = null;
    result.isIcann = null;
    result.isIp = null;
    result.isPrivate = null;
    result.isSpecialUse = null;
    result.publicSuffix = null;
    result.subdomain = null;
}
function parseImpl(url, step, suffixLookup, partialOptions, result) {
    const options = /*@__INLINE__*/ setDefaults(partialOptions);
    // Very fast approximate check to make sure `url` is a string. This is needed
    // because the library will not necessarily be used in a typed setup and
    // values of arbitrary types might be given as argument.
    if (typeof url !== 'string') {
        return result;
    }
    // Extract hostname from `url` only if needed. This can be made optional
    // using `options.extractHostname`. This option will typically be used
    // whenever we are sure the inputs to `parse` are already hostnames and not
    // arbitrary URLs.
    //
    // `mixedInput` allows to specify if we expect a mix of URLs and hostnames
    // as input. If only hostnames are expected then `extractHostname` can be
    // set to `false` to speed-up parsing. If only URLs are expected then
    // `mixedInputs` can be set to `false`. The `mixedInputs` is only a hint
    // and will not change the behavior of the library.
    // Whether `url` itself was already a valid hostname (only computed on the
    // mixedInputs path). Lets us skip the post-extraction validation below when
    // extractHostname returned `url` unchanged (same reference).
    let urlIsValid = false;
    if (!options.extractHostname) {
        // Trim trailing dots as extractHostname does (`new URL()` keeps them).
        let end = url.length;
        while (end > 1 && url.charCodeAt(end - 1) === 46 /* '.' */) {
            end -= 1;
        }
        result.hostname = end === url.length ? url : url.slice(0, end);
    }
    else if (options.mixedInputs) {
        urlIsValid = isValidHostname(url);
        result.hostname = extractHostname(url, urlIsValid, options.validateHostname);
    }
    else {
        result.hostname = extractHostname(url, false, options.validateHostname);
    }
    // Check if `hostname` is a valid ip address
    if (options.detectIp && result.hostname !== null) {
        result.isIp = isIp(result.hostname);
        if (result.isIp) {
            return result;
        }
    }
    // Perform hostname validation if enabled. If hostname is not valid, no need to
    // go further as there will be no valid domain or sub-domain. This validation
    // is applied before any early returns to ensure consistent behavior across
    // all API methods including getHostname().
    if (options.validateHostname &&
        options.extractHostname &&
        result.hostname !== null &&
        // Skip the re-scan when `url` was already validated and extractHostname
        // returned it unchanged (same reference => identical string, still valid).
        !(urlIsValid && result.hostname === url) &&
        // Skip the re-scan when extractHostname already validated the host inline
        // (a confirmed-valid simple authority — see extract-hostname.ts).
        !extractedHostnameValidated &&
        !isValidHostname(result.hostname)) {
        result.hostname = null;
        return result;
    }
    if (step === 0 /* FLAG.HOSTNAME */ || result.hostname === null) {
        return result;
    }
    // Flag special-use domains, only when opted in (`detectSpecialUse`) and only
    // for the full `parse()` result (FLAG.ALL). Computed here, before the
    // public-suffix/domain early-returns below, so single-label names like
    // `localhost` (which have no registrable domain) are still flagged.
    if (step === 5 /* FLAG.ALL */ && options.detectSpecialUse) {
        result.isSpecialUse = isSpecialUse(result.hostname);
    }
    // Extract public suffix (`isException`: the winner is an exception rule)
    const isException = suffixLookup(result.hostname, options, result);
    if (options.extraSuffixes !== null) {
        extraSuffixLookup(result.hostname, options, isException === true, result);
    }
    if (step === 2 /* FLAG.PUBLIC_SUFFIX */ || result.publicSuffix === null) {
        return result;
    }
    // Extract domain
    result.domain = getDomain$1(result.publicSuffix, result.hostname, options);
    if (step === 3 /* FLAG.DOMAIN */ || result.domain === null) {
        return result;
    }
    // Extract subdomain
    result.subdomain = getSubdomain(result.hostname, result.domain);
    if (step === 4 /* FLAG.SUB_DOMAIN */) {
        return result;
    }
    // Extract domain without suffix
    result.domainWithoutSuffix = getDomainWithoutSuffix(result.domain, result.publicSuffix);
    return result;
}

function fastPathLookup (hostname, options, out) {
    // Fast path for very popular suffixes; this allows to by-pass lookup
    // completely as well as any extra allocation or string manipulation.
    if (!options.allowPrivateDomains &&
        options.allowIcannDomains &&
        hostname.length > 3) {
        const last = hostname.length - 1;
        const c3 = hostname.charCodeAt(last);
        const c2 = hostname.charCodeAt(last - 1);
        const c1 = hostname.charCodeAt(last - 2);
        const c0 = hostname.charCodeAt(last - 3);
        if (c3 === 109 /* 'm' */ &&
            c2 === 111 /* 'o' */ &&
            c1 === 99 /* 'c' */ &&
            c0 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'com';
            return true;
        }
        else if (c3 === 103 /* 'g' */ &&
            c2 === 114 /* 'r' */ &&
            c1 === 111 /* 'o' */ &&
            c0 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'org';
            return true;
        }
        else if (c3 === 117 /* 'u' */ &&
            c2 === 100 /* 'd' */ &&
            c1 === 101 /* 'e' */ &&
            c0 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'edu';
            return true;
        }
        else if (c3 === 118 /* 'v' */ &&
            c2 === 111 /* 'o' */ &&
            c1 === 103 /* 'g' */ &&
            c0 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'gov';
            return true;
        }
        else if (c3 === 116 /* 't' */ &&
            c2 === 101 /* 'e' */ &&
            c1 === 110 /* 'n' */ &&
            c0 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'net';
            return true;
        }
        else if (c3 === 101 /* 'e' */ &&
            c2 === 100 /* 'd' */ &&
            c1 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'de';
            return true;
        }
    }
    return false;
}

// Auto-generated flat public-suffix trie. Do not edit.
const nodeFlags = /*#__PURE__*/ new Uint8Array([1, 2, 1, 1, 1, 1, 1, 1, 0, 1, 1, 2, 1, 1, 2, 2, 2, 0, 2, 2, 2, 2, 0, 2, 2, 2, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 0, 2, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 2, 0, 0, 0, 1, 1, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 2, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 2, 2, 0, 0, 0, 2, 0, 1, 1, 0, 2, 0, 2, 2, 2, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 2, 2, 0, 2, 2, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 2, 2, 0, 2, 2, 2, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 2, 2, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 2, 2, 0, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 2, 1, 2, 1, 1, 1, 2, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
const edgeStart = /*#__PURE__*/ new Uint16Array([0, 0, 0, 10, 11, 18, 106, 111, 117, 118, 126, 132, 133, 140, 149, 150, 151, 152, 153, 154, 156, 157, 159, 160, 161, 163, 165, 240, 253, 255, 256, 257, 272, 274, 281, 282, 285, 286, 287, 290, 292, 311, 312, 314, 323, 328, 345, 346, 349, 350, 352, 354, 390, 391, 393, 396, 397, 401, 403, 407, 410, 442, 445, 458, 459, 467, 468, 470, 480, 494, 495, 496, 497, 506, 507, 544, 549, 565, 585, 591, 633, 635, 636, 637, 638, 665, 692, 693, 841, 847, 850, 851, 852, 857, 862, 871, 893, 894, 895, 896, 897, 898, 899, 918, 920, 921, 924, 926, 927, 929, 931, 946, 961, 966, 967, 969, 970, 971, 972, 973, 975, 978, 983, 984, 985, 987, 988, 991, 994, 995, 996, 1009, 1011, 1023, 1034, 1042, 1044, 1084, 1087, 1091, 1092, 1094, 1097, 1108, 1110, 1120, 1122, 1128, 1130, 1131, 1133, 1136, 1137, 1138, 1191, 1193, 1195, 1215, 1216, 1217, 1218, 1220, 1231, 1262, 1273, 1274, 1287, 1297, 1306, 1314, 1315, 1320, 1334, 1345, 1357, 1369, 1383, 1384, 1395, 1429, 1430, 1431, 1447, 1463, 1475, 1548, 1549, 1551, 1552, 1588, 1607, 1608, 1609, 1610, 1611, 1614, 1618, 1621, 1623, 1657, 1658, 1666, 1667, 1668, 1669, 1670, 1672, 1674, 1676, 1677, 1681, 1682, 1683, 1685, 1687, 1688, 1690, 1691, 1692, 1703, 1705, 1706, 1710, 1711, 1714, 1721, 1722, 1727, 1731, 1732, 1734, 1735, 1736, 1737, 1738, 1739, 1740, 1741, 1742, 1743, 1744, 1745, 1746, 1747, 1749, 1750, 1751, 2214, 2217, 2218, 2220, 2227, 2234, 2244, 2248, 2259, 2260, 2261, 2273, 2274, 2276, 2278, 2279, 2286, 2287, 2289, 2290, 2292, 2293, 2294, 2295, 2296, 2371, 2373, 2394, 2395, 2396, 2398, 2399, 2401, 2402, 2458, 2459, 2460, 2467, 2473, 2483, 2493, 2546, 2547, 2548, 2558, 2572, 2573, 2576, 2583, 2584, 2592, 2594, 2595, 2596, 2597, 2608, 2609, 2610, 2612, 2613, 2615, 2616, 2625, 2637, 2643, 2645, 2677, 2681, 2683, 2684, 2686, 2687, 2699, 2700, 2702, 2710, 2717, 2723, 2728, 2729, 2735, 2738, 2744, 2751, 2758, 2766, 2767, 2768, 2806, 2812, 2816, 2833, 2834, 2839, 2857, 2888, 2906, 2908, 2911, 2919, 2921, 2928, 2980, 3004, 3005, 3006, 3007, 3008, 3009, 3010, 3017, 3018, 3019, 3020, 3021, 3022, 3024, 3025, 3029, 3113, 3126, 3127, 3564, 3568, 3582, 3634, 3662, 3684, 3742, 3764, 3779, 3842, 3893, 3931, 3967, 3992, 4134, 4180, 4231, 4250, 4284, 4299, 4319, 4349, 4380, 4403, 4434, 4464, 4496, 4523, 4598, 4620, 4658, 4668, 4702, 4721, 4747, 4789, 4839, 4865, 4934, 4935, 4937, 4960, 4983, 5019, 5050, 5067, 5124, 5137, 5161, 5190, 5192, 5226, 5242, 5270, 5575, 5584, 5593, 5600, 5617, 5621, 5627, 5666, 5668, 5675, 5682, 5691, 5698, 5699, 5700, 5712, 5715, 5730, 5731, 5740, 5741, 5750, 5759, 5765, 5767, 5768, 5769, 5807, 5808, 5810, 5818, 5825, 5838, 5842, 5844, 5845, 5851, 5858, 5872, 5882, 5887, 5895, 5903, 5909, 5910, 5914, 5916, 5917, 5929, 6001, 6002, 6003, 6004, 6006, 6007, 6010, 6012, 6015, 6019, 6020, 6021, 6027, 6028, 6029, 6031, 6033, 6035, 6036, 6037, 6040, 6042, 6045, 6046, 6048, 6246, 6253, 6254, 6255, 6265, 6270, 6287, 6301, 6310, 6311, 6312, 6316, 6317, 6319, 6321, 6327, 6328, 6331, 6332, 6334, 6335, 6336, 7236, 7239, 7243, 7261, 7270, 7273, 7280, 7281, 7283, 7284, 7285, 7287, 7339, 7340, 7343, 7344, 7462, 7463, 7474, 7492, 7499, 7502, 7511, 7512, 7513, 7528, 7583, 7775, 7777, 7779, 7780, 7782, 7787, 7800, 7801, 7817, 7824, 7833, 7836, 7839, 7846, 7854, 7858, 7859, 7860, 7874, 7879, 7888, 7889, 7890, 7894, 7929, 7930, 7951, 7958, 7966, 7967, 7972, 7980, 8024, 8025, 8031, 8034, 8047, 8052, 8053, 8055, 8057, 8097, 8098, 8104, 8111, 8112, 8122, 8131, 8146, 8150, 8152, 8204, 8205, 8210, 8211, 8214, 8216, 8217, 8218, 8227, 8241, 8249, 8263, 8274, 8275, 8277, 8279, 8301, 8312, 8318, 8319, 8331, 8343, 8430, 8442, 8450, 8453, 8459, 8484, 8487, 8488, 8489, 8490, 8492, 8495, 8498, 8509, 8511, 8513, 8541, 8616, 8623, 8627, 8628, 8637, 8659, 8660, 8665, 8666, 8748, 8750, 8751, 8760, 8764, 8770, 8776, 8782, 8792, 8797, 8798, 8816, 8827, 8832, 8837, 8847, 8853, 8857, 8863, 8869, 10476, 10477, 10478, 10485, 10487]);
const edgeLength = /*#__PURE__*/ new Uint8Array([3, 3, 3, 3, 3, 3, 3, 3, 5, 8, 8, 2, 2, 3, 3, 3, 3, 3, 8, 5, 5, 5, 5, 5, 3, 3, 5, 5, 9, 12, 19, 8, 19, 8, 11, 9, 9, 8, 7, 7, 6, 8, 9, 16, 10, 7, 7, 11, 8, 6, 6, 9, 7, 11, 7, 14, 4, 4, 4, 4, 4, 4, 10, 7, 6, 6, 6, 6, 10, 10, 6, 10, 10, 22, 11, 9, 10, 10, 10, 9, 10, 8, 7, 7, 7, 8, 21, 13, 11, 11, 9, 10, 9, 13, 10, 8, 8, 9, 12, 9, 7, 10, 7, 7, 13, 7, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 8, 4, 6, 3, 3, 3, 3, 3, 3, 1, 2, 5, 3, 3, 3, 3, 7, 2, 2, 2, 2, 2, 2, 3, 3, 3, 1, 7, 8, 5, 2, 2, 7, 4, 5, 7, 2, 2, 1, 4, 1, 11, 9, 9, 5, 5, 8, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 5, 5, 11, 9, 9, 8, 9, 9, 13, 7, 14, 7, 6, 6, 6, 7, 6, 6, 6, 6, 6, 6, 10, 7, 11, 9, 4, 4, 4, 4, 4, 6, 6, 6, 6, 13, 6, 8, 7, 10, 10, 9, 9, 7, 9, 8, 8, 9, 8, 7, 10, 6, 9, 8, 10, 10, 7, 8, 1, 9, 10, 12, 12, 12, 10, 9, 9, 10, 10, 9, 9, 1, 1, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 6, 6, 4, 2, 3, 3, 3, 3, 7, 4, 4, 4, 3, 3, 6, 7, 3, 4, 1, 2, 2, 2, 6, 1, 2, 2, 2, 2, 2, 12, 5, 3, 8, 9, 13, 4, 4, 13, 9, 9, 11, 7, 3, 12, 9, 2, 2, 2, 3, 3, 3, 3, 3, 8, 2, 2, 3, 3, 3, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 7, 10, 15, 15, 7, 15, 20, 15, 9, 10, 10, 12, 14, 14, 14, 12, 12, 12, 12, 12, 14, 14, 10, 10, 10, 10, 14, 9, 9, 9, 9, 10, 14, 14, 14, 13, 13, 14, 9, 9, 9, 9, 9, 9, 7, 8, 6, 8, 8, 6, 8, 13, 8, 8, 6, 13, 8, 11, 13, 8, 6, 13, 8, 6, 9, 10, 10, 12, 14, 14, 14, 12, 12, 12, 12, 14, 14, 10, 10, 10, 10, 9, 9, 9, 10, 14, 14, 11, 13, 13, 9, 9, 9, 9, 9, 9, 2, 6, 9, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 2, 3, 3, 3, 3, 3, 3, 7, 7, 2, 3, 2, 2, 5, 3, 3, 3, 3, 3, 3, 4, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 5, 7, 4, 2, 2, 12, 8, 10, 8, 10, 7, 18, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5, 2, 2, 3, 3, 3, 5, 5, 3, 8, 8, 6, 8, 6, 6, 4, 6, 7, 7, 7, 10, 11, 2, 5, 5, 3, 3, 3, 3, 3, 3, 5, 5, 6, 11, 10, 7, 7, 7, 4, 4, 4, 2, 3, 3, 3, 3, 3, 2, 2, 7, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 7, 7, 7, 11, 7, 6, 9, 6, 6, 8, 10, 8, 6, 8, 13, 4, 4, 4, 4, 4, 10, 8, 11, 8, 8, 8, 10, 10, 7, 5, 4, 4, 4, 10, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 2, 2, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 7, 10, 13, 7, 8, 7, 11, 8, 8, 6, 9, 8, 8, 6, 6, 6, 8, 8, 6, 6, 6, 6, 6, 9, 7, 6, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6, 9, 7, 8, 10, 8, 8, 2, 3, 3, 3, 3, 3, 2, 8, 9, 9, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 9, 2, 2, 3, 3, 3, 3, 3, 3, 5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 12, 5, 5, 3, 5, 4, 2, 3, 2, 4, 3, 9, 2, 2, 2, 2, 2, 5, 5, 3, 3, 8, 8, 13, 6, 10, 9, 4, 7, 9, 11, 2, 3, 7, 3, 3, 4, 1, 3, 4, 2, 9, 3, 3, 12, 5, 3, 7, 10, 10, 7, 4, 4, 6, 14, 7, 9, 7, 13, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 8, 15, 4, 4, 2, 3, 3, 3, 7, 4, 9, 9, 2, 3, 3, 3, 5, 3, 2, 2, 7, 2, 7, 6, 6, 7, 2, 4, 2, 2, 2, 2, 2, 2, 8, 8, 8, 9, 5, 2, 3, 3, 3, 3, 3, 3, 10, 7, 4, 4, 4, 4, 3, 4, 2, 3, 3, 3, 3, 3, 10, 7, 4, 4, 4, 4, 2, 3, 3, 3, 3, 10, 7, 4, 4, 4, 4, 3, 9, 6, 6, 6, 9, 13, 9, 2, 2, 2, 8, 7, 9, 5, 3, 3, 3, 5, 5, 13, 12, 9, 10, 7, 8, 7, 6, 8, 6, 11, 12, 7, 10, 4, 4, 7, 8, 11, 6, 7, 9, 8, 7, 10, 8, 9, 15, 7, 8, 5, 4, 7, 2, 3, 3, 3, 2, 14, 10, 2, 14, 10, 2, 14, 3, 9, 13, 13, 10, 14, 16, 17, 11, 2, 14, 2, 14, 3, 9, 13, 10, 14, 16, 17, 11, 14, 10, 14, 2, 7, 3, 10, 7, 14, 10, 2, 14, 10, 9, 9, 17, 6, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 10, 10, 10, 12, 9, 4, 10, 10, 11, 8, 8, 8, 7, 9, 5, 3, 3, 3, 3, 3, 3, 3, 3, 5, 8, 4, 4, 4, 4, 4, 4, 6, 16, 3, 3, 14, 3, 14, 2, 14, 9, 13, 10, 10, 14, 16, 17, 11, 6, 9, 10, 10, 12, 14, 14, 14, 12, 12, 12, 12, 14, 14, 10, 10, 10, 10, 14, 9, 9, 9, 10, 14, 14, 14, 9, 9, 9, 9, 9, 9, 2, 14, 9, 13, 10, 10, 14, 16, 17, 11, 6, 14, 2, 14, 9, 17, 13, 10, 10, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 10, 14, 17, 16, 17, 11, 2, 14, 9, 13, 10, 14, 16, 17, 11, 2, 14, 9, 13, 10, 17, 16, 11, 17, 2, 14, 10, 19, 7, 2, 14, 9, 13, 10, 19, 10, 7, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 10, 19, 7, 14, 16, 17, 11, 2, 14, 9, 13, 10, 10, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 10, 10, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 17, 13, 10, 10, 14, 17, 16, 17, 11, 6, 3, 2, 14, 9, 13, 10, 10, 14, 16, 17, 11, 6, 9, 10, 12, 14, 14, 14, 12, 12, 12, 12, 12, 14, 14, 14, 10, 10, 10, 14, 9, 9, 9, 9, 14, 14, 14, 13, 13, 14, 9, 9, 9, 9, 9, 9, 4, 11, 2, 14, 9, 13, 17, 13, 10, 19, 10, 7, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 17, 13, 10, 19, 10, 7, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 10, 19, 7, 14, 17, 16, 17, 11, 2, 9, 10, 10, 7, 17, 3, 3, 12, 12, 16, 15, 15, 12, 14, 14, 14, 20, 20, 13, 12, 12, 12, 12, 12, 12, 20, 25, 14, 14, 12, 12, 10, 10, 10, 10, 14, 9, 9, 9, 25, 4, 9, 17, 10, 7, 14, 16, 21, 13, 13, 14, 20, 14, 13, 17, 24, 9, 12, 13, 25, 13, 21, 20, 17, 9, 9, 9, 9, 9, 9, 12, 17, 4, 4, 9, 9, 9, 10, 10, 12, 14, 14, 14, 12, 12, 12, 12, 12, 14, 14, 10, 10, 10, 10, 14, 9, 9, 9, 9, 10, 14, 14, 14, 13, 13, 14, 9, 9, 9, 9, 9, 9, 9, 10, 14, 12, 12, 14, 14, 10, 9, 9, 9, 10, 14, 14, 14, 9, 9, 9, 9, 2, 1, 5, 8, 7, 11, 11, 1, 3, 3, 3, 5, 3, 3, 4, 8, 9, 10, 10, 12, 14, 14, 14, 12, 12, 12, 12, 14, 14, 10, 10, 10, 10, 14, 9, 9, 9, 10, 14, 14, 14, 13, 13, 14, 9, 9, 9, 9, 9, 9, 7, 4, 4, 4, 4, 4, 4, 4, 4, 10, 2, 2, 6, 7, 6, 2, 3, 2, 3, 6, 2, 7, 6, 10, 7, 4, 9, 12, 6, 14, 4, 12, 7, 2, 2, 1, 2, 7, 6, 4, 4, 4, 6, 8, 8, 7, 2, 2, 13, 2, 2, 2, 2, 6, 2, 8, 12, 2, 7, 7, 6, 8, 10, 12, 2, 2, 2, 3, 3, 13, 2, 2, 3, 3, 6, 7, 6, 4, 5, 6, 3, 3, 3, 3, 4, 16, 8, 5, 4, 3, 3, 3, 5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 11, 12, 7, 7, 13, 9, 10, 17, 12, 8, 9, 7, 17, 17, 8, 5, 12, 10, 13, 14, 5, 5, 5, 13, 5, 5, 5, 3, 3, 3, 5, 16, 5, 5, 5, 5, 7, 12, 14, 8, 12, 8, 10, 12, 9, 11, 7, 9, 7, 10, 7, 13, 13, 9, 7, 12, 8, 17, 7, 7, 16, 10, 13, 13, 8, 10, 10, 14, 17, 7, 16, 16, 15, 8, 10, 10, 12, 17, 17, 7, 17, 14, 7, 10, 17, 8, 7, 7, 7, 8, 15, 15, 7, 14, 10, 10, 10, 11, 11, 7, 7, 13, 8, 10, 7, 16, 7, 8, 7, 14, 17, 12, 10, 11, 21, 8, 9, 7, 13, 9, 8, 6, 13, 6, 12, 7, 6, 13, 10, 10, 10, 8, 18, 9, 17, 13, 10, 12, 6, 13, 6, 11, 8, 13, 10, 13, 18, 13, 11, 13, 8, 16, 7, 10, 8, 16, 12, 10, 8, 8, 14, 11, 8, 15, 8, 8, 7, 7, 12, 7, 8, 9, 14, 15, 8, 9, 10, 9, 15, 7, 8, 8, 12, 13, 9, 10, 15, 13, 7, 10, 10, 20, 7, 6, 9, 6, 6, 14, 11, 14, 11, 12, 9, 10, 16, 16, 12, 7, 11, 28, 8, 11, 10, 7, 21, 8, 7, 9, 4, 4, 4, 17, 7, 8, 6, 9, 6, 6, 13, 6, 6, 6, 6, 18, 20, 14, 8, 11, 12, 9, 10, 13, 15, 15, 19, 8, 9, 12, 7, 10, 16, 12, 9, 9, 9, 14, 12, 11, 10, 9, 12, 11, 18, 9, 9, 9, 10, 7, 7, 16, 8, 9, 7, 13, 12, 10, 14, 18, 7, 8, 11, 10, 7, 7, 8, 8, 13, 7, 7, 7, 11, 15, 13, 11, 7, 8, 15, 11, 7, 8, 18, 8, 14, 13, 18, 15, 10, 12, 12, 9, 7, 11, 11, 8, 7, 10, 8, 14, 12, 10, 18, 7, 10, 9, 7, 8, 13, 10, 14, 10, 8, 8, 23, 7, 7, 11, 12, 12, 17, 7, 7, 11, 11, 17, 16, 16, 7, 8, 11, 14, 14, 8, 10, 7, 15, 7, 16, 16, 13, 9, 11, 9, 15, 15, 11, 11, 7, 7, 14, 7, 9, 7, 7, 16, 10, 13, 10, 11, 14, 7, 11, 10, 11, 7, 11, 10, 11, 15, 11, 15, 10, 12, 10, 14, 13, 11, 11, 12, 13, 10, 7, 13, 16, 12, 21, 15, 9, 10, 10, 7, 11, 14, 17, 7, 7, 8, 11, 13, 12, 8, 15, 14, 14, 8, 17, 12, 10, 10, 7, 9, 11, 7, 10, 7, 11, 18, 7, 11, 7, 12, 11, 8, 8, 14, 12, 7, 8, 15, 3, 7, 7, 5, 2, 9, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 2, 5, 3, 3, 3, 3, 3, 3, 4, 4, 3, 3, 3, 3, 3, 3, 5, 11, 6, 4, 7, 10, 7, 7, 11, 1, 10, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 5, 7, 3, 5, 6, 3, 3, 5, 2, 2, 5, 3, 4, 13, 11, 3, 3, 6, 3, 5, 14, 2, 2, 3, 8, 2, 2, 12, 5, 18, 5, 3, 3, 3, 3, 16, 5, 5, 5, 10, 7, 13, 12, 13, 9, 12, 14, 19, 9, 9, 21, 9, 9, 10, 6, 9, 6, 15, 10, 6, 12, 8, 6, 10, 15, 4, 4, 6, 6, 9, 9, 12, 16, 14, 23, 7, 7, 7, 14, 9, 7, 7, 11, 14, 10, 7, 10, 10, 10, 12, 6, 11, 10, 13, 11, 15, 11, 7, 12, 10, 3, 7, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 3, 7, 5, 1, 5, 2, 2, 2, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 5, 5, 10, 9, 11, 8, 7, 12, 8, 9, 7, 6, 13, 11, 6, 13, 7, 9, 9, 4, 4, 4, 4, 4, 6, 10, 7, 8, 13, 11, 8, 8, 9, 14, 7, 14, 8, 10, 7, 9, 7, 7, 9, 6, 9, 2, 12, 5, 3, 3, 13, 4, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 8, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 2, 2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 1, 7, 6, 4, 12, 3, 3, 3, 3, 3, 8, 7, 3, 3, 3, 3, 3, 3, 4, 4, 11, 15, 14, 2, 8, 3, 5, 5, 8, 10, 8, 6, 4, 7, 17, 7, 4, 5, 2, 6, 3, 5, 4, 2, 2, 12, 5, 5, 3, 15, 13, 8, 11, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5, 3, 3, 3, 3, 4, 2, 3, 18, 2, 12, 5, 3, 3, 3, 3, 3, 5, 16, 8, 8, 9, 6, 6, 4, 4, 4, 4, 31, 6, 6, 10, 11, 21, 10, 9, 7, 10, 7, 7, 2, 4, 4, 4, 4, 6, 5, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 6, 4, 6, 2, 2, 2, 5, 3, 3, 3, 7, 7, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 8, 2, 3, 3, 3, 3, 3, 5, 9, 11, 3, 3, 3, 3, 4, 4, 3, 3, 3, 3, 3, 5, 10, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 11, 10, 10, 10, 10, 10, 11, 10, 11, 10, 11, 10, 9, 9, 11, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 5, 5, 3, 7, 8, 8, 7, 6, 6, 11, 4, 4, 4, 4, 7, 8, 9, 9, 2, 3, 7, 4, 4, 2, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 2, 2, 5, 5, 5, 5, 5, 3, 3, 5, 5, 5, 7, 7, 6, 6, 6, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 8, 8, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 6, 9, 12, 3, 7, 10, 7, 2, 2, 3, 3, 3, 3, 3, 4, 3, 3, 2, 2, 2, 2, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 8, 8, 6, 6, 8, 6, 7, 4, 4, 4, 4, 4, 4, 6, 7, 5, 5, 20, 19, 8, 10, 9, 7, 10, 6, 8, 11, 6, 6, 6, 6, 13, 12, 8, 6, 7, 14, 11, 9, 2, 5, 3, 6, 2, 3, 2, 2, 2, 2, 2, 2, 2, 5, 4, 3, 7, 6, 4, 7, 4, 3, 6, 4, 7, 2, 2, 7, 7, 7, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 9, 10, 10, 10, 11, 7, 8, 20, 7, 9, 8, 9, 8, 12, 6, 6, 6, 8, 9, 8, 12, 6, 6, 8, 13, 10, 12, 6, 6, 7, 7, 9, 6, 4, 4, 4, 4, 4, 4, 10, 6, 6, 6, 7, 14, 11, 10, 7, 8, 10, 8, 11, 14, 11, 11, 9, 7, 9, 8, 11, 13, 9, 17, 10, 9, 2, 2, 2, 9, 3, 3, 3, 3, 15, 14, 9, 5, 5, 2, 8, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 15, 12, 22, 19, 17, 18, 18, 19, 21, 7, 16, 16, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 7, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 7, 16, 11, 11, 7, 7, 7, 7, 17, 7, 8, 12, 15, 9, 19, 7, 19, 8, 21, 11, 12, 19, 14, 22, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 16, 16, 19, 24, 12, 7, 14, 7, 12, 7, 8, 10, 10, 13, 7, 12, 12, 7, 7, 10, 18, 15, 12, 16, 7, 14, 12, 17, 10, 16, 17, 12, 17, 25, 7, 7, 7, 13, 6, 9, 6, 9, 18, 6, 6, 11, 20, 10, 6, 6, 6, 6, 6, 6, 17, 6, 6, 6, 15, 6, 6, 6, 6, 6, 8, 14, 11, 12, 11, 15, 13, 19, 17, 21, 7, 18, 8, 13, 13, 8, 12, 8, 6, 6, 13, 6, 15, 15, 16, 6, 6, 16, 6, 6, 6, 14, 6, 18, 6, 6, 6, 17, 18, 9, 13, 15, 8, 19, 8, 15, 15, 18, 14, 16, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 11, 10, 11, 6, 21, 23, 12, 17, 12, 11, 14, 13, 22, 15, 15, 11, 12, 14, 12, 7, 12, 8, 12, 14, 12, 18, 10, 8, 16, 19, 17, 12, 14, 15, 8, 19, 17, 12, 13, 13, 15, 18, 13, 23, 24, 23, 21, 17, 24, 8, 21, 8, 14, 14, 16, 20, 14, 8, 8, 15, 20, 8, 19, 21, 9, 8, 13, 12, 13, 15, 11, 8, 11, 9, 9, 8, 11, 8, 21, 14, 21, 15, 15, 13, 7, 19, 7, 7, 7, 7, 7, 7, 16, 12, 17, 18, 7, 7, 11, 11, 7, 9, 9, 2, 2, 3, 3, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 10, 10, 7, 9, 7, 7, 7, 6, 8, 6, 6, 6, 6, 6, 6, 6, 7, 6, 8, 6, 6, 9, 7, 7, 7, 4, 4, 4, 4, 4, 4, 4, 4, 8, 9, 8, 7, 8, 7, 8, 10, 7, 5, 5, 5, 5, 5, 5, 3, 9, 7, 7, 8, 6, 6, 6, 6, 6, 6, 6, 6, 9, 6, 6, 9, 11, 13, 7, 8, 9, 9, 5, 5, 5, 7, 8, 6, 6, 6, 6, 6, 6, 6, 7, 8, 9, 7, 10, 9, 10, 7, 8, 5, 5, 5, 5, 5, 5, 7, 7, 9, 8, 7, 7, 6, 6, 6, 6, 6, 6, 10, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 9, 10, 4, 4, 4, 4, 8, 7, 7, 10, 10, 9, 8, 8, 15, 9, 8, 8, 8, 8, 8, 9, 10, 9, 10, 7, 8, 13, 5, 5, 5, 5, 5, 3, 3, 7, 7, 8, 6, 6, 6, 4, 4, 11, 9, 7, 8, 9, 10, 7, 5, 5, 5, 5, 5, 3, 3, 7, 6, 6, 13, 7, 9, 8, 7, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 7, 8, 7, 8, 13, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 8, 8, 6, 6, 6, 6, 7, 6, 7, 6, 6, 9, 7, 4, 4, 4, 4, 4, 4, 4, 7, 8, 7, 8, 9, 8, 8, 8, 7, 10, 7, 8, 5, 5, 5, 5, 5, 5, 5, 5, 3, 7, 7, 7, 7, 9, 7, 10, 9, 6, 6, 6, 6, 6, 8, 8, 6, 6, 6, 7, 6, 6, 6, 9, 9, 4, 4, 13, 7, 10, 9, 9, 12, 7, 8, 8, 10, 8, 8, 8, 8, 8, 8, 5, 5, 5, 5, 3, 7, 7, 11, 7, 9, 8, 8, 6, 6, 10, 6, 8, 8, 8, 6, 7, 6, 6, 12, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 8, 8, 16, 8, 9, 8, 7, 5, 5, 5, 5, 5, 3, 3, 7, 7, 7, 10, 15, 8, 9, 8, 9, 9, 6, 6, 6, 6, 6, 6, 7, 4, 8, 7, 8, 8, 7, 8, 11, 8, 5, 5, 5, 5, 5, 3, 7, 7, 6, 11, 16, 7, 6, 4, 4, 4, 4, 9, 9, 8, 8, 8, 13, 12, 8, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 11, 7, 8, 8, 9, 13, 7, 7, 7, 9, 8, 8, 9, 12, 7, 12, 7, 12, 8, 7, 10, 12, 9, 9, 6, 6, 8, 8, 6, 6, 6, 6, 6, 6, 6, 9, 8, 9, 11, 8, 6, 6, 6, 6, 6, 12, 7, 6, 6, 6, 9, 7, 7, 6, 6, 6, 6, 6, 11, 9, 6, 6, 6, 6, 6, 7, 9, 4, 4, 4, 4, 4, 4, 4, 4, 9, 9, 9, 9, 7, 7, 7, 7, 7, 11, 7, 7, 8, 8, 8, 8, 8, 8, 9, 8, 9, 9, 7, 7, 11, 11, 7, 12, 8, 8, 8, 8, 8, 7, 8, 8, 8, 8, 8, 13, 12, 8, 8, 8, 8, 7, 7, 7, 9, 5, 5, 5, 5, 5, 5, 5, 3, 3, 7, 7, 11, 7, 8, 8, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 10, 11, 6, 7, 9, 4, 4, 4, 4, 4, 4, 9, 9, 8, 9, 8, 8, 8, 7, 7, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 11, 7, 7, 7, 9, 6, 6, 11, 8, 10, 6, 6, 6, 12, 8, 8, 7, 6, 6, 8, 7, 4, 4, 4, 4, 4, 4, 4, 4, 9, 10, 9, 9, 8, 10, 9, 11, 8, 5, 5, 5, 7, 6, 6, 8, 7, 4, 4, 4, 4, 8, 7, 7, 8, 7, 8, 8, 5, 5, 5, 5, 7, 7, 8, 8, 8, 6, 6, 6, 6, 6, 10, 8, 9, 13, 6, 7, 6, 6, 8, 7, 8, 4, 4, 4, 4, 11, 8, 8, 8, 10, 5, 5, 8, 7, 8, 13, 8, 7, 6, 8, 6, 9, 7, 8, 7, 5, 5, 5, 5, 5, 5, 3, 3, 7, 8, 9, 6, 4, 8, 10, 10, 8, 12, 9, 13, 2, 7, 5, 5, 5, 5, 5, 7, 7, 10, 6, 6, 6, 6, 6, 6, 6, 8, 4, 4, 9, 8, 8, 8, 14, 8, 8, 8, 9, 8, 5, 5, 5, 5, 5, 3, 3, 9, 6, 6, 6, 6, 10, 12, 6, 6, 6, 6, 6, 6, 6, 4, 4, 4, 4, 11, 8, 7, 8, 8, 8, 5, 5, 3, 3, 3, 3, 7, 7, 6, 8, 6, 8, 11, 7, 6, 6, 6, 7, 4, 8, 11, 9, 10, 5, 5, 5, 3, 3, 3, 7, 7, 8, 9, 8, 15, 9, 6, 6, 6, 6, 6, 6, 11, 11, 4, 4, 4, 4, 4, 7, 9, 9, 10, 8, 7, 5, 5, 5, 5, 5, 5, 3, 3, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 9, 7, 4, 4, 4, 4, 4, 9, 9, 8, 8, 10, 13, 5, 5, 5, 3, 17, 7, 7, 7, 7, 7, 8, 6, 8, 13, 6, 6, 6, 6, 6, 6, 6, 6, 4, 4, 4, 9, 10, 8, 8, 8, 5, 5, 5, 5, 3, 7, 7, 7, 8, 8, 6, 6, 6, 8, 8, 8, 9, 10, 8, 4, 8, 10, 9, 8, 8, 8, 9, 13, 10, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 7, 8, 9, 9, 7, 7, 7, 10, 9, 9, 8, 9, 8, 8, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 8, 12, 6, 6, 6, 6, 6, 6, 6, 6, 6, 12, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 11, 8, 8, 9, 9, 10, 8, 9, 7, 7, 5, 5, 5, 5, 5, 5, 3, 7, 8, 7, 6, 6, 8, 6, 6, 10, 4, 7, 8, 9, 12, 8, 7, 7, 5, 5, 5, 5, 5, 5, 3, 3, 7, 14, 7, 9, 8, 8, 6, 6, 8, 12, 12, 6, 6, 7, 7, 10, 4, 4, 4, 4, 4, 9, 9, 14, 9, 13, 8, 7, 5, 5, 5, 6, 6, 6, 7, 4, 8, 7, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 7, 7, 7, 8, 6, 6, 6, 6, 6, 6, 12, 6, 6, 6, 6, 4, 4, 9, 9, 8, 8, 11, 7, 7, 7, 5, 5, 5, 3, 9, 8, 6, 6, 7, 4, 4, 4, 4, 4, 4, 8, 8, 11, 5, 5, 5, 7, 7, 7, 9, 6, 6, 6, 6, 6, 6, 9, 8, 4, 4, 4, 4, 7, 12, 9, 8, 8, 8, 7, 10, 10, 5, 5, 5, 5, 5, 5, 5, 3, 11, 14, 8, 7, 8, 8, 6, 6, 6, 6, 6, 8, 7, 6, 6, 6, 7, 6, 8, 9, 4, 4, 4, 7, 8, 9, 7, 9, 7, 7, 9, 8, 5, 5, 5, 5, 5, 5, 5, 5, 5, 11, 3, 9, 7, 7, 12, 14, 8, 6, 6, 12, 11, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 15, 7, 4, 4, 4, 16, 9, 9, 9, 8, 9, 9, 9, 9, 9, 8, 8, 8, 13, 11, 8, 5, 5, 5, 5, 3, 7, 6, 6, 8, 8, 8, 6, 6, 7, 10, 7, 4, 4, 4, 4, 9, 7, 8, 7, 7, 7, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 7, 7, 7, 9, 6, 6, 6, 6, 6, 8, 8, 7, 7, 9, 6, 6, 6, 7, 6, 6, 6, 6, 6, 15, 4, 4, 4, 4, 4, 8, 8, 7, 8, 12, 9, 8, 8, 8, 8, 8, 9, 8, 8, 10, 8, 8, 8, 8, 16, 9, 10, 2, 5, 5, 5, 5, 5, 5, 5, 9, 7, 6, 8, 9, 4, 4, 4, 4, 4, 7, 8, 8, 8, 9, 8, 11, 10, 5, 5, 5, 5, 3, 7, 8, 6, 6, 6, 6, 6, 8, 6, 6, 6, 6, 4, 12, 10, 12, 7, 7, 7, 7, 7, 7, 7, 5, 5, 5, 5, 3, 3, 7, 7, 10, 8, 9, 7, 6, 10, 7, 6, 6, 4, 4, 8, 9, 7, 9, 9, 9, 9, 8, 8, 8, 8, 10, 5, 5, 5, 5, 5, 5, 8, 7, 6, 6, 6, 10, 6, 7, 10, 7, 4, 4, 4, 4, 4, 4, 4, 12, 9, 10, 7, 7, 10, 8, 10, 5, 12, 9, 6, 6, 6, 6, 6, 7, 6, 4, 4, 4, 10, 9, 9, 8, 7, 7, 5, 5, 5, 5, 5, 5, 3, 3, 13, 7, 7, 9, 7, 7, 7, 8, 9, 9, 7, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 13, 9, 15, 15, 4, 4, 4, 4, 4, 10, 10, 9, 8, 9, 8, 8, 9, 7, 8, 7, 8, 5, 5, 7, 6, 6, 6, 4, 4, 4, 7, 8, 11, 8, 5, 5, 5, 5, 5, 5, 5, 7, 6, 6, 6, 6, 6, 6, 9, 11, 10, 7, 4, 4, 4, 9, 8, 8, 5, 5, 5, 5, 5, 9, 9, 6, 6, 6, 6, 6, 6, 6, 9, 9, 4, 4, 4, 4, 8, 8, 8, 9, 9, 8, 8, 8, 13, 2, 4, 2, 7, 5, 5, 5, 5, 5, 5, 9, 9, 6, 6, 6, 6, 10, 8, 8, 8, 6, 6, 6, 4, 4, 9, 8, 10, 8, 9, 8, 8, 8, 9, 8, 8, 5, 3, 3, 3, 11, 6, 6, 6, 7, 6, 6, 6, 4, 4, 9, 8, 5, 5, 5, 5, 5, 3, 11, 8, 6, 6, 6, 6, 6, 9, 7, 4, 4, 14, 10, 9, 8, 12, 8, 8, 8, 11, 15, 8, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 11, 11, 11, 10, 10, 7, 7, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 7, 11, 7, 7, 11, 11, 7, 8, 9, 10, 7, 7, 9, 9, 9, 9, 7, 7, 10, 8, 13, 8, 8, 8, 8, 11, 10, 6, 6, 8, 10, 11, 14, 14, 6, 6, 6, 6, 6, 6, 9, 11, 7, 7, 6, 8, 12, 11, 11, 6, 6, 10, 6, 6, 6, 6, 6, 10, 7, 7, 6, 6, 11, 6, 6, 6, 11, 8, 9, 7, 6, 10, 11, 9, 10, 11, 7, 11, 8, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 8, 6, 6, 8, 9, 10, 9, 6, 6, 6, 10, 6, 6, 6, 6, 11, 10, 11, 10, 9, 8, 7, 7, 7, 7, 11, 14, 8, 10, 9, 9, 8, 8, 7, 11, 8, 8, 8, 11, 11, 10, 10, 9, 10, 8, 11, 10, 8, 11, 9, 12, 8, 10, 8, 11, 8, 9, 9, 11, 11, 10, 11, 13, 8, 7, 8, 8, 9, 7, 8, 8, 8, 8, 7, 8, 2, 2, 2, 2, 2, 2, 2, 4, 4, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 3, 3, 3, 3, 3, 3, 3, 3, 8, 6, 4, 4, 4, 11, 7, 11, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 5, 5, 5, 5, 3, 3, 3, 3, 8, 7, 7, 8, 8, 4, 8, 7, 7, 7, 9, 7, 8, 9, 8, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 2, 3, 3, 3, 3, 3, 3, 4, 5, 5, 3, 3, 8, 8, 6, 9, 4, 4, 10, 7, 3, 3, 3, 2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 2, 2, 2, 3, 3, 3, 3, 3, 4, 10, 2, 3, 3, 3, 3, 3, 3, 3, 4, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 3, 5, 2, 4, 2, 6, 2, 2, 9, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 9, 8, 7, 9, 6, 6, 11, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 7, 7, 11, 8, 8, 6, 5, 11, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 2, 3, 3, 3, 3, 3, 3, 6, 4, 4, 4, 4, 3, 3, 3, 3, 5, 7, 2, 3, 3, 3, 3, 3, 8, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 4, 4, 4, 4, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 2, 3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 6, 3, 3, 8, 10, 3, 4, 4, 1, 1, 1, 1, 1, 1, 1, 8, 9, 10, 7, 7, 1, 14, 18, 13, 18, 13, 10, 10, 16, 13, 18, 16, 13, 16, 18, 13, 22, 16, 16, 16, 14, 21, 16, 9, 14, 16, 9, 9, 14, 10, 10, 14, 12, 14, 19, 12, 11, 18, 13, 17, 15, 15, 15, 15, 16, 14, 13, 19, 18, 15, 19, 18, 12, 18, 12, 11, 20, 14, 15, 10, 17, 17, 16, 19, 20, 21, 15, 13, 16, 15, 15, 15, 1, 1, 3, 8, 7, 7, 8, 8, 8, 1, 6, 1, 1, 6, 3, 3, 4, 7, 3, 3, 5, 5, 4, 4, 4, 4, 4, 2, 7, 7, 8, 12, 3, 4, 5, 1, 3, 4, 4, 10, 4, 3, 3, 3, 8, 7, 7, 2, 2, 2, 2, 2, 2, 2, 2, 2, 12, 9, 20, 7, 5, 5, 5, 9, 13, 5, 5, 5, 5, 5, 3, 3, 3, 16, 5, 5, 5, 13, 7, 8, 8, 11, 8, 7, 9, 7, 11, 12, 9, 9, 8, 8, 11, 10, 14, 7, 12, 10, 11, 13, 7, 9, 11, 17, 17, 14, 13, 7, 8, 7, 10, 10, 7, 16, 13, 7, 8, 17, 12, 9, 8, 6, 7, 10, 6, 6, 12, 6, 8, 10, 8, 8, 8, 6, 8, 6, 14, 6, 6, 6, 13, 6, 10, 6, 6, 7, 14, 8, 6, 6, 10, 11, 10, 9, 9, 7, 7, 6, 6, 6, 9, 9, 7, 9, 10, 9, 13, 12, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6, 8, 8, 6, 8, 9, 10, 9, 7, 10, 10, 8, 7, 8, 7, 10, 12, 9, 8, 15, 8, 7, 8, 8, 7, 7, 15, 13, 7, 10, 9, 14, 18, 16, 7, 24, 7, 8, 10, 11, 16, 8, 14, 7, 9, 9, 9, 13, 19, 14, 15, 14, 11, 7, 13, 9, 10, 7, 13, 9, 10, 11, 12, 8, 9, 2, 3, 5, 8, 7, 4, 4, 15, 10, 5, 3, 3, 3, 3, 3, 5, 4, 4, 4, 2, 2, 2, 2, 2, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 12, 5, 3, 8, 10, 15, 6, 7, 2, 3, 2, 5, 5, 12, 2, 5, 5, 5, 5, 2, 2, 5, 5, 12, 9, 5, 2, 2, 9, 5, 5, 12, 12, 5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 9, 12, 5, 8, 8, 9, 5, 5, 5, 8, 19, 7, 16, 15, 14, 9, 9, 9, 9, 7, 11, 11, 11, 7, 14, 10, 10, 5, 5, 5, 5, 5, 5, 5, 5, 5, 15, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 9, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 14, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 15, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 12, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 9, 12, 9, 9, 12, 12, 12, 15, 7, 11, 7, 14, 11, 18, 13, 8, 18, 15, 18, 12, 14, 12, 8, 8, 8, 8, 9, 9, 9, 12, 7, 10, 10, 8, 8, 12, 12, 12, 7, 12, 12, 9, 7, 7, 7, 7, 7, 8, 15, 12, 9, 10, 10, 7, 10, 10, 13, 11, 10, 9, 22, 11, 9, 8, 8, 8, 8, 8, 13, 18, 13, 9, 15, 19, 9, 7, 7, 10, 7, 7, 7, 11, 8, 13, 17, 7, 7, 10, 10, 10, 7, 20, 16, 7, 7, 7, 7, 7, 7, 11, 21, 12, 12, 13, 11, 14, 16, 8, 8, 13, 11, 7, 7, 13, 7, 7, 14, 15, 15, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 13, 10, 18, 6, 6, 6, 6, 6, 6, 6, 6, 6, 11, 8, 8, 12, 12, 11, 11, 8, 12, 9, 9, 9, 13, 13, 9, 9, 9, 9, 9, 9, 6, 10, 12, 6, 6, 6, 6, 17, 11, 7, 7, 7, 7, 14, 14, 12, 6, 7, 7, 6, 6, 15, 10, 13, 10, 6, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 13, 9, 9, 15, 13, 6, 12, 12, 6, 19, 11, 10, 7, 7, 16, 8, 19, 17, 9, 9, 9, 9, 9, 6, 6, 6, 10, 8, 16, 8, 6, 6, 9, 6, 6, 6, 6, 6, 6, 6, 6, 8, 8, 8, 6, 7, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 14, 6, 6, 6, 6, 20, 6, 9, 6, 14, 9, 9, 9, 6, 9, 8, 8, 12, 9, 8, 8, 8, 8, 7, 8, 12, 7, 8, 8, 8, 6, 8, 6, 6, 6, 6, 6, 6, 6, 9, 8, 8, 6, 6, 13, 9, 12, 13, 12, 14, 13, 12, 11, 11, 6, 8, 8, 8, 6, 13, 12, 11, 11, 12, 6, 11, 12, 11, 13, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 15, 6, 6, 6, 6, 6, 6, 6, 13, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 8, 8, 8, 8, 6, 18, 6, 12, 13, 13, 13, 9, 10, 15, 9, 12, 6, 6, 6, 6, 6, 6, 6, 6, 9, 15, 10, 9, 10, 13, 9, 19, 8, 18, 17, 10, 10, 8, 8, 6, 6, 6, 6, 6, 6, 10, 14, 8, 16, 16, 9, 8, 15, 8, 8, 10, 12, 14, 7, 7, 8, 8, 7, 7, 7, 7, 8, 13, 13, 11, 9, 9, 9, 12, 10, 17, 8, 11, 9, 7, 7, 14, 8, 14, 14, 7, 7, 7, 7, 7, 7, 14, 7, 7, 7, 7, 7, 10, 10, 8, 14, 7, 7, 7, 7, 8, 8, 8, 8, 8, 17, 9, 7, 15, 7, 8, 12, 7, 9, 14, 7, 7, 7, 9, 13, 8, 14, 7, 16, 18, 13, 15, 14, 12, 13, 10, 15, 9, 7, 7, 7, 10, 13, 15, 15, 9, 9, 9, 9, 19, 11, 7, 11, 11, 13, 8, 8, 8, 8, 7, 12, 19, 17, 9, 9, 13, 7, 7, 7, 9, 7, 7, 7, 12, 13, 15, 10, 8, 8, 14, 15, 12, 13, 13, 8, 12, 14, 7, 11, 7, 14, 15, 13, 12, 8, 8, 8, 8, 11, 13, 15, 15, 8, 13, 12, 8, 8, 8, 13, 10, 16, 14, 11, 8, 8, 12, 12, 9, 15, 15, 12, 12, 13, 8, 8, 9, 12, 13, 9, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 11, 12, 11, 7, 14, 7, 13, 13, 13, 12, 18, 16, 7, 12, 11, 10, 10, 15, 9, 9, 9, 21, 7, 7, 7, 11, 16, 8, 8, 11, 11, 7, 7, 7, 7, 7, 19, 7, 7, 7, 7, 7, 7, 7, 7, 7, 12, 8, 9, 12, 14, 11, 9, 9, 9, 22, 12, 3, 3, 4, 8, 8, 15, 4, 2, 2, 5, 5, 3, 3, 3, 3, 3, 3, 6, 6, 4, 4, 4, 12, 7, 10, 2, 3, 3, 3, 3, 3, 3, 3, 6, 7, 3, 7, 5, 14, 4, 4, 7, 8, 10, 4, 1, 3, 3, 6, 2, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 2, 2, 5, 3, 4, 2, 2, 2, 2, 2, 2, 2, 11, 5, 5, 5, 11, 5, 5, 3, 5, 5, 5, 5, 11, 14, 13, 9, 11, 9, 12, 8, 11, 11, 8, 11, 16, 9, 9, 7, 10, 9, 12, 8, 15, 6, 7, 6, 6, 13, 10, 8, 11, 8, 6, 6, 6, 12, 16, 6, 11, 7, 8, 9, 18, 6, 6, 9, 4, 4, 6, 13, 6, 6, 6, 6, 8, 8, 9, 16, 7, 7, 14, 7, 8, 8, 8, 7, 7, 7, 7, 7, 7, 15, 13, 7, 10, 7, 7, 10, 12, 16, 15, 7, 9, 9, 14, 11, 11, 10, 9, 10, 8, 12, 7, 8, 7, 7, 10, 12, 7, 12, 8, 7, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 3, 3, 5, 5, 5, 10, 8, 7, 4, 4, 4, 8, 7, 10, 9, 7, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 3, 3, 3, 3, 3, 3, 3, 7, 4, 5, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 6, 6, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 8, 2, 2, 2, 8, 12, 7, 7, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 8, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 7, 11, 9, 8, 8, 8, 7, 8, 9, 7, 7, 9, 7, 7, 7, 10, 7, 7, 10, 9, 10, 6, 6, 6, 6, 6, 6, 15, 7, 8, 9, 9, 8, 6, 6, 10, 9, 6, 8, 13, 9, 7, 6, 6, 6, 6, 6, 6, 12, 6, 6, 7, 6, 7, 6, 6, 6, 10, 10, 7, 6, 6, 6, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 14, 6, 6, 7, 7, 9, 6, 6, 6, 6, 9, 9, 8, 9, 10, 9, 8, 9, 12, 7, 7, 7, 8, 7, 10, 12, 11, 9, 10, 7, 7, 7, 9, 10, 10, 8, 12, 9, 7, 7, 9, 8, 8, 8, 10, 7, 7, 8, 9, 9, 7, 7, 7, 8, 2, 4, 2, 4, 6, 3, 4, 2, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 8, 6, 4, 7, 3, 3, 3, 3, 3, 3, 3, 12, 3, 3, 3, 3, 3, 3, 4, 4, 2, 3, 5, 3, 4, 7, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 6, 4, 3, 4, 2, 2, 2, 5, 3, 3, 3, 3, 3, 5, 4, 4, 4, 4, 2, 7, 6, 8, 9, 2, 2, 2, 2, 3, 3, 3, 5, 7, 2, 3, 3, 8, 7, 7, 2, 2, 8, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 8, 8, 7, 7, 6, 10, 6, 9, 7, 11, 4, 6, 8, 8, 7, 8, 4, 2, 5, 5, 5, 5, 3, 3, 3, 11, 8, 9, 6, 6, 8, 7, 4, 4, 7, 6, 8, 7, 2, 2, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 7, 2, 2, 5, 3, 3, 2, 3, 3, 3, 3, 3, 3, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 12, 5, 5, 3, 3, 3, 5, 10, 12, 6, 15, 4, 6, 6, 7, 14, 9, 3, 3, 3, 3, 3, 8, 2, 2, 3, 5, 5, 3, 3, 3, 3, 3, 3, 8, 8, 6, 8, 7, 5, 8, 4, 6, 11, 2, 2, 7, 3, 3, 2, 9, 8, 5, 5, 5, 3, 3, 3, 5, 5, 5, 7, 7, 6, 6, 10, 6, 8, 6, 8, 9, 7, 4, 4, 4, 4, 4, 7, 6, 6, 8, 7, 7, 10, 9, 9, 8, 11, 8, 3, 3, 3, 3, 3, 4, 4, 2, 3, 3, 3, 3, 3, 7, 6, 2, 5, 5, 6, 7, 6, 4, 8, 9, 11, 2, 2, 3, 3, 3, 3, 3, 3, 3, 2, 2, 5, 3, 3, 3, 3, 3, 9, 9, 6, 4, 8, 7, 7, 5, 9, 8, 6, 2, 6, 8, 7, 8, 5, 5, 5, 5, 5, 3, 3, 3, 16, 8, 7, 7, 7, 8, 7, 7, 7, 7, 9, 6, 9, 6, 10, 7, 7, 7, 6, 10, 8, 9, 11, 11, 8, 4, 4, 10, 8, 8, 6, 9, 6, 11, 8, 8, 8, 15, 7, 8, 9, 5, 3, 3, 3, 3, 3, 5, 2, 2, 3, 8, 9, 10, 3, 2, 2, 2, 2, 2, 2, 3, 6, 4, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 2, 3, 3, 3, 3, 3, 3, 3, 11, 5, 3, 3, 3, 3, 3, 3, 3, 3, 6, 7, 4, 4, 2, 3, 3, 3, 3, 3, 3, 3, 12, 7, 4, 12, 4, 6, 5, 4, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 11, 10, 6, 4, 6, 10, 8, 3, 3, 3, 3, 3, 3, 3, 3, 5, 4, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 5, 3, 4, 4, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 10, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 7, 8, 8, 7, 13, 12, 10, 10, 8, 8, 7, 7, 9, 12, 11, 6, 6, 8, 8, 9, 7, 7, 7, 10, 15, 10, 4, 4, 4, 4, 4, 11, 8, 8, 9, 7, 9, 14, 14, 12, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 12, 5, 5, 5, 11, 10, 7, 9, 3, 8, 7, 3, 15, 13, 11, 4, 4, 2, 2, 2, 19, 7, 5, 5, 3, 3, 3, 3, 3, 3, 3, 5, 22, 18, 6, 14, 17, 4, 4, 19, 16, 18, 2, 3, 3, 7, 2, 3, 2, 3, 3, 6, 4, 2, 3, 3, 2, 5, 3, 3, 3, 3, 3, 3, 3, 9, 9, 2, 3, 2, 2, 2, 3, 3, 3, 5, 7, 14, 7, 7, 12, 9, 13, 6, 11, 6, 10, 9, 7, 7, 8, 12, 12, 8, 8, 8, 10, 7, 7, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 5, 8, 10, 7, 8, 11, 8, 12, 9, 4, 14, 7, 7, 9, 13, 2, 3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 1, 2, 2, 3, 3, 3, 3, 3, 3, 5, 2, 2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 8, 4, 4, 4, 3, 2, 3, 3, 3, 3, 5, 2, 2, 2, 2, 2, 2, 2, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 12, 9, 8, 8, 9, 8, 6, 17, 6, 6, 6, 8, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 4, 4, 8, 8, 9, 9, 9, 7, 7, 7, 7, 7, 7, 7, 9, 9, 9, 7, 8, 8, 8, 10, 7, 13, 10, 8, 9, 3, 3, 5, 3, 3, 3, 3, 3, 7, 7, 6, 6, 10, 13, 11, 11, 8, 8, 9, 8, 9, 9, 10, 10, 10, 11, 10, 10, 13, 13, 16, 15, 11, 12, 9, 9, 10, 9, 11, 10, 9, 9, 14, 7, 8, 3, 10, 7, 7, 3, 2, 2, 2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 7, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 11, 6, 7, 4, 6, 2, 2, 3, 3, 3, 1, 3, 3, 3, 3, 3, 3, 6, 4, 4, 2, 2, 2, 3, 3, 3, 3, 4, 4, 6, 6, 6, 6, 5, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 9, 11, 6, 10, 9, 12, 7, 7, 11, 14, 9, 7, 12, 3, 3, 7, 12, 11, 12, 7, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 11, 5, 5, 5, 5, 5, 5, 5, 5, 11, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 10, 3, 3, 3, 11, 3, 5, 9, 11, 8, 12, 14, 9, 7, 8, 7, 7, 11, 11, 7, 7, 10, 9, 8, 10, 9, 7, 7, 7, 7, 7, 7, 8, 8, 7, 11, 8, 8, 8, 7, 7, 10, 8, 7, 13, 12, 7, 17, 10, 8, 8, 11, 7, 11, 11, 14, 7, 11, 7, 8, 6, 9, 20, 8, 7, 9, 16, 7, 10, 6, 11, 10, 8, 9, 7, 16, 11, 11, 9, 8, 9, 8, 8, 8, 11, 8, 15, 8, 8, 9, 7, 8, 8, 11, 10, 7, 5, 7, 10, 10, 15, 7, 7, 7, 8, 7, 8, 8, 10, 11, 10, 10, 10, 11, 11, 7, 8, 6, 8, 8, 10, 6, 8, 6, 6, 7, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 16, 6, 15, 6, 7, 11, 11, 7, 9, 10, 11, 13, 10, 6, 16, 8, 10, 12, 11, 6, 6, 6, 6, 6, 6, 6, 10, 6, 10, 7, 7, 7, 11, 7, 11, 6, 6, 6, 6, 6, 6, 17, 7, 7, 6, 6, 12, 22, 6, 6, 6, 6, 6, 8, 6, 6, 6, 6, 7, 6, 6, 5, 6, 6, 8, 11, 6, 9, 14, 11, 9, 11, 7, 7, 8, 6, 6, 6, 8, 10, 9, 6, 6, 6, 6, 9, 7, 6, 6, 6, 6, 6, 15, 6, 4, 4, 4, 6, 4, 17, 8, 11, 6, 6, 9, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 6, 6, 6, 6, 10, 6, 10, 6, 6, 6, 6, 12, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 9, 6, 6, 6, 6, 18, 6, 6, 6, 8, 9, 10, 7, 8, 9, 10, 11, 7, 13, 6, 8, 8, 6, 6, 14, 7, 7, 7, 7, 10, 7, 14, 9, 6, 6, 9, 15, 9, 7, 14, 6, 11, 14, 13, 7, 12, 8, 7, 7, 7, 7, 7, 12, 7, 10, 9, 16, 6, 8, 6, 5, 17, 6, 8, 10, 4, 6, 4, 10, 15, 17, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 8, 4, 4, 11, 7, 4, 4, 7, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 19, 17, 6, 10, 11, 6, 6, 6, 6, 18, 6, 6, 11, 4, 4, 4, 5, 6, 6, 6, 9, 5, 6, 4, 6, 6, 4, 6, 6, 6, 6, 10, 6, 6, 4, 6, 6, 10, 6, 10, 6, 6, 6, 6, 11, 6, 6, 10, 6, 6, 8, 6, 6, 6, 8, 6, 11, 4, 11, 9, 10, 9, 11, 4, 8, 4, 11, 12, 7, 9, 8, 6, 7, 7, 8, 12, 12, 11, 13, 10, 11, 7, 7, 7, 9, 7, 11, 10, 7, 7, 7, 16, 11, 10, 11, 17, 9, 9, 8, 8, 7, 7, 7, 9, 7, 7, 7, 14, 7, 13, 9, 11, 10, 14, 10, 10, 12, 11, 10, 7, 10, 5, 14, 8, 8, 8, 9, 7, 8, 7, 7, 9, 8, 7, 8, 7, 7, 7, 7, 7, 7, 7, 11, 8, 10, 8, 7, 8, 14, 11, 8, 9, 9, 9, 8, 24, 10, 10, 12, 7, 7, 15, 11, 8, 8, 12, 11, 8, 9, 9, 7, 8, 9, 10, 11, 10, 11, 7, 12, 7, 7, 11, 9, 8, 14, 13, 12, 8, 11, 10, 8, 8, 7, 7, 14, 9, 10, 8, 9, 11, 7, 14, 8, 8, 13, 8, 8, 12, 7, 10, 14, 14, 11, 9, 10, 9, 9, 7, 7, 11, 11, 13, 9, 13, 5, 5, 5, 7, 9, 5, 11, 12, 14, 8, 7, 7, 11, 10, 9, 7, 8, 8, 7, 10, 11, 11, 5, 5, 7, 5, 5, 5, 7, 7, 15, 7, 7, 8, 7, 15, 12, 12, 10, 7, 8, 7, 11, 7, 7, 7, 23, 11, 8, 8, 11, 10, 7, 8, 11, 7, 19, 7, 7, 6, 9, 9, 9, 11, 3, 4, 7, 8, 6, 6, 4, 10, 8, 2, 2]);
const edgeChild = /*#__PURE__*/ new Uint16Array([0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 8, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11, 1, 1, 1, 1, 1, 18, 1, 1, 1, 1, 1, 1, 11, 1, 11, 1, 11, 14, 1, 1, 1, 1, 11, 1, 11, 1, 1, 1, 1, 1, 15, 24, 1, 1, 1, 1, 1, 1, 21, 1, 1, 1, 1, 22, 11, 1, 1, 1, 1, 1, 1, 1, 1, 23, 1, 1, 1, 17, 19, 1, 1, 16, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 25, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 20, 1, 1, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 1, 27, 28, 29, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 11, 11, 11, 11, 1, 36, 0, 0, 0, 1, 1, 1, 1, 39, 38, 1, 1, 1, 1, 1, 37, 1, 1, 1, 1, 41, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 42, 0, 0, 0, 0, 43, 44, 0, 0, 0, 0, 11, 1, 1, 1, 11, 1, 1, 1, 47, 49, 49, 49, 47, 49, 47, 47, 48, 49, 47, 49, 47, 47, 47, 47, 47, 47, 49, 47, 47, 48, 47, 47, 47, 47, 49, 50, 50, 48, 49, 47, 47, 47, 47, 47, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 53, 55, 53, 53, 53, 55, 53, 54, 53, 56, 53, 54, 54, 53, 53, 53, 54, 56, 54, 56, 53, 54, 54, 11, 58, 58, 57, 59, 54, 56, 53, 53, 51, 52, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 63, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 70, 71, 11, 1, 1, 69, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11, 11, 80, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 85, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 83, 86, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 84, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 11, 1, 1, 1, 1, 96, 1, 98, 1, 1, 1, 1, 1, 1, 1, 1, 101, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 104, 104, 1, 1, 11, 1, 107, 1, 1, 1, 1, 1, 1, 1, 105, 1, 106, 1, 108, 1, 1, 1, 1, 1, 109, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 117, 118, 1, 1, 1, 1, 1, 1, 120, 120, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 128, 129, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 129, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 129, 1, 1, 1, 1, 1, 1, 1, 1, 1, 133, 130, 132, 127, 1, 131, 1, 1, 121, 1, 1, 1, 1, 124, 1, 134, 1, 1, 1, 1, 1, 1, 126, 1, 115, 1, 116, 1, 11, 135, 113, 119, 1, 1, 1, 1, 1, 114, 122, 1, 11, 11, 11, 125, 123, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 11, 11, 1, 1, 1, 1, 1, 11, 141, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 143, 1, 1, 1, 1, 1, 1, 1, 1, 144, 145, 11, 11, 142, 140, 49, 49, 147, 53, 53, 146, 149, 148, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 152, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 150, 0, 0, 0, 0, 1, 0, 151, 139, 1, 0, 1, 1, 11, 11, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 155, 154, 23, 1, 1, 11, 11, 1, 23, 11, 11, 1, 1, 1, 1, 1, 141, 1, 1, 159, 1, 1, 1, 1, 160, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 1, 1, 143, 1, 1, 159, 1, 1, 1, 1, 160, 1, 1, 1, 141, 1, 1, 1, 159, 1, 164, 1, 1, 1, 160, 1, 1, 141, 1, 1, 1, 164, 1, 1, 1, 1, 1, 141, 1, 1, 1, 1, 1, 1, 1, 1, 141, 1, 1, 164, 1, 1, 164, 1, 1, 1, 1, 1, 1, 1, 170, 1, 1, 1, 159, 1, 1, 164, 1, 1, 1, 160, 1, 1, 170, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 143, 1, 1, 159, 1, 164, 1, 1, 1, 160, 1, 1, 141, 1, 1, 159, 1, 164, 1, 1, 1, 160, 1, 1, 141, 1, 1, 1, 1, 159, 1, 164, 1, 1, 1, 160, 1, 1, 1, 141, 1, 1, 159, 1, 1, 1, 1, 176, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 1, 179, 1, 1, 170, 1, 1, 1, 1, 1, 159, 1, 1, 164, 1, 1, 1, 160, 1, 1, 170, 1, 1, 1, 1, 1, 159, 1, 1, 164, 1, 1, 1, 160, 1, 1, 170, 1, 1, 1, 1, 1, 164, 1, 1, 1, 1, 174, 166, 166, 11, 1, 11, 178, 1, 1, 1, 1, 1, 167, 167, 167, 161, 1, 1, 1, 165, 167, 171, 177, 1, 1, 1, 1, 165, 165, 1, 1, 163, 161, 174, 165, 169, 182, 173, 182, 1, 1, 180, 1, 173, 162, 165, 1, 1, 1, 1, 165, 1, 168, 1, 1, 1, 11, 1, 183, 1, 172, 1, 1, 1, 172, 171, 175, 181, 163, 174, 1, 1, 1, 1, 1, 1, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 186, 185, 185, 186, 185, 185, 185, 185, 187, 187, 185, 185, 186, 185, 186, 185, 185, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 189, 11, 1, 11, 11, 11, 11, 1, 11, 11, 11, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 201, 1, 203, 204, 202, 201, 201, 1, 1, 207, 1, 208, 206, 1, 11, 1, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 219, 201, 201, 201, 201, 219, 1, 1, 1, 1, 222, 223, 221, 1, 1, 1, 1, 1, 1, 225, 225, 1, 1, 1, 225, 225, 227, 228, 226, 1, 230, 1, 1, 1, 1, 11, 236, 237, 238, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 205, 209, 1, 1, 1, 1, 158, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 233, 1, 1, 1, 8, 1, 1, 1, 1, 244, 1, 1, 241, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 192, 216, 1, 1, 1, 212, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 199, 1, 1, 1, 1, 1, 1, 1, 217, 1, 1, 1, 1, 232, 1, 1, 1, 1, 184, 1, 220, 1, 215, 1, 1, 1, 218, 1, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 197, 1, 11, 1, 1, 11, 1, 1, 1, 1, 200, 1, 1, 1, 214, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 1, 1, 245, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 231, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 191, 11, 1, 1, 1, 194, 11, 1, 1, 1, 1, 1, 1, 1, 235, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 193, 1, 1, 1, 1, 1, 1, 1, 240, 1, 1, 1, 198, 1, 1, 1, 213, 1, 11, 1, 229, 210, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 217, 1, 1, 1, 1, 196, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 188, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 211, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 242, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 1, 243, 1, 1, 11, 1, 1, 1, 1, 195, 1, 1, 1, 211, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 1, 1, 1, 234, 1, 1, 1, 190, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 224, 1, 1, 1, 11, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 239, 1, 1, 11, 1, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 255, 0, 0, 0, 0, 0, 256, 0, 0, 0, 0, 0, 0, 1, 11, 1, 1, 1, 260, 1, 1, 1, 0, 261, 258, 259, 1, 1, 1, 1, 1, 1, 266, 1, 268, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 264, 1, 1, 1, 1, 1, 270, 1, 1, 11, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 269, 1, 1, 1, 11, 1, 1, 1, 1, 265, 1, 1, 1, 263, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 267, 1, 1, 1, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 1, 11, 1, 1, 1, 1, 11, 1, 1, 276, 1, 1, 14, 1, 1, 1, 11, 11, 273, 274, 1, 1, 1, 1, 275, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 278, 1, 1, 11, 17, 1, 1, 1, 1, 1, 1, 279, 1, 1, 1, 277, 11, 11, 1, 1, 1, 1, 1, 1, 1, 1, 279, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 288, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 292, 292, 1, 0, 0, 0, 0, 0, 1, 11, 0, 0, 0, 0, 0, 0, 0, 0, 185, 1, 297, 298, 1, 11, 1, 1, 1, 1, 11, 300, 1, 1, 299, 1, 1, 302, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 307, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 11, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 11, 0, 319, 0, 0, 320, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 336, 1, 1, 1, 1, 1, 1, 0, 0, 63, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 0, 344, 0, 0, 0, 0, 0, 0, 0, 0, 0, 346, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 362, 362, 363, 362, 0, 1, 211, 1, 1, 14, 358, 1, 356, 0, 0, 0, 0, 0, 0, 0, 359, 1, 1, 364, 1, 1, 241, 1, 1, 1, 1, 357, 1, 1, 354, 1, 360, 1, 352, 1, 361, 1, 353, 1, 1, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 11, 355, 355, 1, 1, 1, 8, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 351, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 367, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 302, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 407, 407, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 399, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 375, 386, 1, 1, 374, 409, 1, 380, 1, 1, 372, 404, 1, 1, 390, 371, 376, 1, 1, 1, 383, 414, 392, 1, 1, 1, 1, 1, 1, 393, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 402, 406, 0, 0, 86, 1, 1, 0, 400, 377, 413, 378, 381, 388, 1, 403, 0, 1, 0, 86, 397, 395, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 416, 1, 1, 387, 1, 86, 1, 0, 1, 1, 1, 419, 1, 0, 0, 86, 394, 0, 1, 373, 1, 1, 1, 0, 1, 1, 396, 1, 0, 1, 1, 1, 0, 1, 421, 384, 1, 1, 0, 1, 0, 0, 412, 0, 1, 1, 1, 86, 405, 1, 1, 401, 398, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 379, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 411, 0, 86, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 415, 1, 1, 1, 0, 0, 418, 0, 0, 0, 1, 391, 1, 0, 86, 417, 1, 0, 0, 0, 0, 420, 1, 1, 0, 0, 1, 0, 1, 0, 389, 0, 385, 0, 1, 1, 1, 0, 1, 1, 0, 408, 382, 410, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 11, 1, 1, 1, 11, 436, 436, 1, 1, 11, 11, 1, 436, 1, 1, 11, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 448, 1, 1, 0, 1, 1, 1, 1, 241, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 466, 466, 1, 1, 0, 0, 352, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 479, 1, 478, 1, 1, 1, 1, 1, 1, 1, 1, 1, 483, 1, 11, 11, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 491, 1, 1, 1, 493, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 490, 1, 485, 1, 1, 1, 1, 472, 1, 1, 1, 1, 1, 1, 1, 1, 486, 11, 1, 1, 1, 1, 492, 1, 1, 1, 487, 481, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 352, 1, 469, 1, 1, 11, 489, 1, 1, 352, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 474, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 492, 1, 1, 1, 1, 352, 1, 488, 1, 1, 1, 482, 476, 1, 1, 1, 1, 1, 477, 1, 494, 480, 1, 1, 1, 1, 1, 475, 1, 1, 1, 1, 1, 1, 1, 1, 1, 470, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 484, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 473, 1, 1, 1, 1, 1, 471, 1, 255, 495, 1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 11, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 501, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 11, 1, 71, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 505, 0, 505, 505, 505, 505, 505, 505, 505, 0, 505, 505, 505, 505, 505, 1, 505, 505, 505, 0, 505, 505, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 510, 509, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 514, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 507, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 508, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 516, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 505, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 513, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 506, 0, 0, 517, 512, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 511, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 505, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 506, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 505, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 515, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 527, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 235, 235, 1, 531, 1, 1, 1, 530, 1, 1, 1, 1, 1, 526, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 528, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 532, 1, 1, 529, 1, 1, 1, 1, 1, 1, 1, 1, 407, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 533, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 544, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 11, 1, 547, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 552, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 11, 11, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 63, 1, 1, 11, 11, 11, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 567, 1, 1, 1, 1, 1, 1, 1, 568, 1, 1, 1, 1, 1, 1, 1, 566, 1, 1, 1, 11, 1, 1, 570, 274, 1, 1, 1, 11, 11, 1, 1, 11, 1, 11, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 574, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 580, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 139, 1, 1, 11, 585, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 114, 1, 1, 1, 11, 1, 1, 1, 1, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 590, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 151, 1, 1, 1, 263, 1, 1, 11, 34, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 615, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 255, 1, 363, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 620, 1, 1, 1, 1, 0, 622, 0, 86, 0, 621, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 11, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 629, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 624, 624, 0, 628, 626, 624, 624, 624, 624, 624, 630, 624, 624, 634, 624, 624, 624, 624, 624, 624, 624, 624, 624, 624, 631, 628, 624, 624, 628, 624, 624, 624, 624, 624, 624, 624, 624, 624, 624, 624, 624, 624, 626, 624, 624, 624, 624, 624, 632, 624, 624, 624, 624, 624, 624, 0, 0, 0, 1, 633, 1, 1, 1, 1, 627, 1, 1, 1, 1, 1, 625, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 11, 638, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 11, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 11, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 11, 1, 1, 11, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 103, 68, 316, 342, 447, 576, 0, 4, 72, 271, 290, 318, 343, 369, 423, 449, 0, 538, 560, 577, 640, 10, 0, 64, 95, 433, 445, 465, 618, 0, 536, 559, 573, 655, 0, 34, 6, 0, 500, 539, 645, 603, 74, 0, 7, 321, 291, 424, 502, 452, 579, 86, 641, 0, 619, 345, 454, 504, 10, 112, 324, 545, 6, 34, 0, 347, 86, 426, 86, 522, 12, 6, 138, 284, 310, 0, 656, 549, 0, 606, 0, 67, 6, 6, 287, 102, 2, 468, 434, 446, 639, 0, 6, 0, 6, 322, 110, 6, 604, 540, 581, 0, 503, 425, 308, 323, 9, 75, 111, 642, 584, 427, 348, 335, 455, 153, 78, 326, 588, 550, 644, 607, 370, 365, 518, 6, 79, 156, 13, 311, 285, 563, 589, 608, 555, 593, 613, 654, 40, 6, 296, 330, 368, 340, 253, 34, 569, 596, 253, 45, 251, 301, 331, 341, 442, 459, 520, 309, 0, 77, 605, 0, 439, 453, 334, 86, 283, 86, 0, 623, 587, 543, 328, 457, 86, 428, 422, 0, 0, 0, 10, 598, 614, 252, 0, 460, 443, 572, 557, 616, 658, 92, 253, 46, 332, 431, 461, 612, 0, 551, 329, 312, 86, 250, 87, 31, 425, 34, 6, 429, 366, 339, 647, 635, 565, 592, 554, 0, 294, 88, 34, 441, 458, 0, 34, 462, 0, 254, 636, 558, 10, 444, 463, 253, 284, 93, 257, 637, 617, 600, 521, 464, 432, 286, 262, 94, 62, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 663, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 450, 0, 0, 0, 0, 0, 0, 0, 0, 89, 0, 136, 0, 0, 546, 591, 0, 0, 0, 0, 0, 0, 0, 30, 0, 594, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 450, 0, 0, 0, 0, 542, 0, 293, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 282, 0, 0, 0, 0, 0, 0, 0, 660, 0, 0, 0, 0, 0, 659, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 430, 0, 0, 0, 523, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 73, 0, 0, 0, 0, 0, 0, 534, 0, 0, 0, 0, 0, 0, 440, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 246, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 556, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 535, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 305, 317, 0, 0, 0, 0, 0, 571, 313, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 553, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 496, 0, 0, 0, 350, 0, 0, 0, 0, 81, 0, 289, 0, 0, 0, 0, 0, 0, 26, 0, 0, 0, 0, 611, 0, 0, 0, 0, 643, 562, 0, 0, 0, 0, 280, 0, 0, 0, 0, 0, 0, 498, 0, 0, 519, 0, 0, 0, 0, 0, 65, 0, 0, 0, 303, 61, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 82, 0, 0, 0, 0, 0, 0, 0, 282, 0, 0, 0, 0, 0, 315, 653, 0, 76, 0, 0, 0, 0, 0, 0, 0, 0, 0, 662, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 157, 0, 314, 0, 0, 0, 0, 0, 0, 610, 0, 0, 0, 0, 0, 0, 564, 0, 0, 0, 0, 0, 0, 0, 0, 0, 609, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 66, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 248, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 91, 0, 541, 0, 0, 0, 0, 0, 597, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 91, 90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 525, 0, 524, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 295, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 497, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 325, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 578, 0, 0, 0, 0, 0, 0, 0, 0, 333, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 73, 272, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 91, 0, 649, 0, 0, 595, 0, 0, 0, 0, 0, 0, 0, 0, 0, 281, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 652, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 561, 0, 0, 0, 91, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 537, 0, 657, 0, 0, 467, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 438, 0, 0, 0, 586, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 35, 0, 0, 0, 0, 0, 0, 33, 99, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 327, 0, 0, 0, 249, 0, 0, 0, 0, 0, 0, 601, 0, 0, 0, 0, 137, 0, 0, 0, 0, 0, 602, 0, 0, 0, 0, 0, 0, 0, 450, 456, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 435, 0, 349, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 306, 0, 0, 337, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 575, 0, 0, 0, 451, 0, 0, 437, 0, 0, 0, 0, 0, 0, 646, 0, 0, 0, 582, 0, 0, 97, 0, 583, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 548, 499, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32, 0, 0, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 304, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 450, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 651, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 650, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 661, 0, 0, 0, 0, 0, 599, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 338, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 648, 0, 0, 247, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 666, 666, 666, 666, 666, 666, 666, 665, 667]);
const labelText = "orgmilcomschnetedugovdrrformsfeedbackofficialaccoorgmilschnetgovmagazinemediaunioncargopilotgroupcaarespressworksaerodromeworkinggroupair-traffic-controlaircraftaccident-preventioneducatormarketplaceambulanceinsurancecateringairportrepbodyenginesoftwaremodellingair-surveillanceconsultingchartertrainermaintenanceservicesdesignflightskydivingfreightassociationstudentgroundhandlingdgcafuelclubtaxicrewshowballooningexpresstraderbrokerauthoragentsairtrafficjournalistsafetyconsultantmicrolightaccident-investigationparachutingequipmentproductionfederationrecreationscientistnavigationengineertradingglidingleasingresearchpassenger-associationentertainmentparaglidinghangglidingaerobaticrotorcraftemergencycertificationgovernmentaeroclubexchangelogisticschampionshiphomebuiltcouncilconferencecontrolairlinecivilaviationjournalorgcomnetedugovcoorgcomnomnetobjappsofforgcomnetuwukiloappsdevsframerorgmilcomnetedugov*coradio2naorgcomnetcommuneedogpbcoitgvorgedugovspreviewfrontendrelayononstagingauthcloudsandboxupid*mtls*privatelinktypedreamdeveloperbravemochawindsurfaivenmirenupsunwnextbegetngrokclerkwale2bwebcsbrunputercrbtsflutterflowcloudzyrospawnbasesliplanemodelenceshiptodaymagicpatternsnetlifyondigitaloceanrailwayhostedclaudehasurabotdashretoolvercelgithubluyanigadgetreplitcloudflaretelebitedgecomputeevervaultexponyatnoopencrpplxzeaburwasmerframerzeropsrocketpreviewconvexmedusajsspritesagilevibesonherculeseasypanelstreamlitglideossnowflakefastedgemesserliloginlinehackclubcodepennorthflankbase44corespeedleapcellngrok-freeclerkstagelovableon-fleek*us-west-3ap-south-2us-central-2us-central-1eu-central-1ap-south-1us-west-2us-east-2eu-north-1ap-north-1us-west-1us-east-1*rcloudintsegorgmilcomgobbetnetintedugovturmusicasenasamutualcoopv6dnsip6uriurnin-addre164homeirisgovdixdaemoncloudnssthwien*inexexkunden4accogvormymyspreadshop4lima2ixortsinfofuturecmsfuturehosting12hpprivfuturemailinglima-cityfunkfeuer123webseitednshomemelmyspreadshopcloudletswasantqldvicactnswtascatholicwasaqldvictasidwasantozqldorgcomvicasnactnetedugovnswtasconfcomairflowlambda-urltransfer-webapptransfer-webappairflowtransfer-webapptransfer-webapp-fipstransfer-webappeu-west-3ap-south-2eu-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1mx-central-1me-central-1ca-central-1il-central-1ap-northeast-1ap-southeast-1me-south-1af-south-1eu-south-1ap-south-1ap-southeast-7us-west-2eu-west-2ap-east-2us-east-2eu-north-1ap-southeast-2ap-northeast-2ap-southeast-5us-gov-west-1us-gov-east-1ap-southeast-6ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1privatenotebookstudiolabelingnotebookstudionotebooknotebook-fipslabelingnotebookstudionotebook-fipsnotebookstudio-fipsnotebook-fipsnotebookstudionotebook-fipsnotebookstudioeu-west-3ap-south-2eu-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1me-central-1ca-central-1il-central-1ap-northeast-1ap-southeast-1me-south-1af-south-1eu-south-1ap-south-1us-west-2eu-west-2us-east-2eu-north-1ap-southeast-2ap-northeast-2experimentsus-gov-west-1us-gov-east-1ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1onrepostsagemakercopporgmilcompronetintedugovbiznameinfoshoprsorgmilcomnetedugovbrendlyresolvenzauscotvstoreorgcomnetedugovbizinfoidacaicoittvorgmilcomschnetedugovinfocloudezproxysiteacmymyspreadshopkuleuvenwebhostingtransurl123websitecloudnsinterhostsolutionsddns5476103298edgfacbmlonihkjutwvqpsryxzbarsycoororgcomedumyftpno-iporxcloud-ipfor-somemmafanfor-morewebhopselfipjozidyndnscloudnsdscloudfor-thefor-betteractivetrailcoeconorestooteorgcomeconeteduassurmoneyafricaarchitectesrestaurantloisirstourismavocatsinfoagrounivcoorgcomnetedugoviatvdeportesaludtksatorgmilcomwebgobnetinteducienciaboliviarevistacooperativaempresanombreindustriamusicapatriamedicinademocraciapoliticapuebloindigenaplurinacionalarteblogwikiinfoagrotransportenoticiasprofesionalacademiaeconomiaecologiamovimientotecnologianaturalpagesappsgroksailsimplesitecepesebamapadfmgalampbacscpirngorotomtrjspaprrprrsesmscepesebamapadfmgalampbacscpirngorotomtrjspaprrprrsesms*biaamfmtcmptvfeirasampajampanatalbelemananiradiog12medindfndbmdtrdthepoaggfjdfdefinfenflegsegongengcngorgzlgslglogppgmillelqslcimcomnomadmjabimbbibbsbabcrectecsjcetcpscpvhudieticriapipsiecnbiorioecogeoteoodoproatoartfstmatvetdetbetnetcntnotfotgrueduajuespappreptmpemparqsrvadvdevgovntrturagrjorfarjusmusdesvixxyzcozfozslzbhzmaringasantamariacampinagrandegoianiasorocabafloripasaobernardocuritibaboavistarecifeaparecidasaogoncasalvadorcuiabamorenamacapalondrinacontagemsocialfortalmaceioleilaoosascoriobranconiteroi9guacutcheblogflogvlogwikitaxicoopmanauspalmascaxiasjoinvillebaruericampinassantoandreribeiraoriopretoweorgcomnetedugovv0windsurfshiptodaycloudsitecoaccoorgnetgovofmilcomgovmediatechzacoorgcomnetedugsjgovmydnspenfnlabnbmbgcbcqconcontnuyksknsmyspreadshopno-ipawdevboxbarsyonidatemfuinabusavinstanceseceuguukussryzespawnloccsxcloud-ipmyphotosfantasyleaguetwmailcleverappsscrappingccwucloudnsftpaccessgame-serverccgovobjectsrmalpgcust*svcalp1aeappenginermalpgmyspreadshop4lima2ixsquare7cloudscale123websitefirenet12hpflowgotdnslinkyard-cloudcloudnslima-citydnskingobjectstorageedaccogoorusorgcomnetinteduaéroportxn--aroport-byaassogouvcomilgobgovcloudnses-1eu-west-1us-east-1euvipit1eurarubait1s3lbwebsites3websiteru-spbru-mskelasticcsrunstnukukcaukusnl-ams-1fr-par-1fr-par-2functionsnodess3ddlwhmrdbfnck8sifrs3-websitecockpitscblmgdbdtwhkafkpubprivs3ddlwhmrdbk8sifrs3-websitecockpitscblmgdbdtwhkafks3ddlrdbk8sifrs3-websitecockpitscblmgdbdtwhkafkk8sscalebookpl-wawfr-parnl-amsbaremetalsmartlabelinginstancesdechk2kuleuvenlaravelvoorloperurownoxazapscwhstgrvaporonline-serverobservablehqelementorantagonistreclaimjoteluluencowaydiademjelasticmatlabmagentositetrendhostingaxarnetjenv-arubajelejoteravendbemergenttrafficplexconvexkeliwebserveboltbegetcdnstaticson-rancherprimetelonstackitunison-servicesdnshomelinkyardbarsyjelecloudnscocomnetgovmycn-northwest-1cn-north-1s3s3-accesspoints3-websites3s3-accesspointrdsdualstacks3-deprecatedemrappui-prods3-websiteemrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apis3s3-accesspoints3s3-accesspointrdsdualstackemrappui-prods3-websiteemrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apicn-northwest-1cn-north-1cn-northwest-1ebcomputeelbcn-north-1airflowcn-northwest-1cn-north-1oncn-northwest-1cn-north-1amazonawssagemakeramazonwebservicesdirectasgdsdhehahljlnmhbacscahqhshhihnlnynsnmofjbjzjxjtjhkcqtwgsjssxnxjxgxxzgz網絡网络公司orgmilcomnetedugovxn--55qx5dcanva-appsxn--io0a7iquickconnectcanvasitekhsjxn--od0algcanva-codemyqnapcloudsrvrlessclustersrealtimestorageleadpagescarrdcrdorgmilcomnomnetedugovhidnssupabaserdpareplmypiumsoxmitotaplpagesfirewalledreplitowodevwebview-assetsvfswebview-assetss3s3-accesspointdualstackemrappui-prods3-websiteaws-cloud9emrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apicloud9eu-west-3ap-south-2eu-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1me-central-1ca-central-1il-central-1ap-northeast-1ap-southeast-1me-south-1af-south-1eu-south-1ap-south-1ap-southeast-7us-west-2eu-west-2us-east-2eu-north-1ap-southeast-2ap-northeast-2ap-southeast-5ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1s3s3-accesspointdualstackemrappui-prods3-websiteaws-cloud9emrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apicloud9consent-portals3s3-accesspointdualstackanalytics-gatewayemrappui-prods3-websiteaws-cloud9emrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstackemrappui-prods3-websiteemrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apis3s3-accesspointdualstackemrappui-prods3-websiteemrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apis3s3-accesspointdualstacks3-deprecateds3-websitebedrock-agentcores3-object-lambdaexecute-apibedrock-agentcores3s3-accesspoints3-websites3-accesspoint-fipss3-fipss3s3-accesspointdualstackemrappui-prods3-websites3-accesspoint-fipsaws-cloud9s3-fipsemrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstackemrappui-prods3-websites3-accesspoint-fipss3-fipsemrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apis3s3-accesspointdualstackemrappui-prods3-websiteaws-cloud9emrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstackemrappui-prods3-websiteaws-cloud9emrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstacks3-deprecatedanalytics-gatewayemrappui-prods3-websiteaws-cloud9emrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9vfss3s3-accesspointdualstackemrappui-prods3-websiteaws-cloud9emrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apicloud9eu-west-3ap-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1mx-central-1me-central-1ca-central-1il-central-1ap-northeast-1us-northeast-1ap-southeast-1me-south-1af-south-1ap-south-1ap-southeast-7us-west-2eu-west-2ap-east-2us-east-2ap-southeast-2ap-northeast-2ap-southeast-5us-gov-west-1us-gov-east-1ap-southeast-6ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1mrapaccesspoints3s3-accesspointdualstacks3-deprecatedanalytics-gatewayemrappui-prods3-websites3-accesspoint-fipsaws-cloud9s3-fipsemrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstacks3-deprecatedanalytics-gatewayemrappui-prods3-websites3-accesspoint-fipsaws-cloud9s3-fipsemrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstackemrappui-prods3-websites3-accesspoint-fipss3-fipsemrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apis3eu-west-3ap-south-2eu-south-2computes3-ap-northeast-2elbrdss3-ap-east-1s3-sa-east-1s3-us-gov-west-1s3-eu-central-1s3-ca-central-1eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3s3-website-us-west-2s3-website-eu-west-1s3-external-1eu-central-1me-central-1ca-central-1il-central-1s3-us-west-1s3-eu-west-1s3-website-sa-east-1s3-website-ap-southeast-2ap-northeast-1ap-southeast-1s3-us-west-2s3-eu-west-2me-south-1af-south-1eu-south-1ap-south-1ap-southeast-7us-west-2eu-west-2us-east-2s3-website-ap-southeast-1s3-1s3-globals3-ap-northeast-3eu-north-1airflowap-southeast-2s3-us-gov-east-1s3-fips-us-gov-east-1s3-me-south-1s3-ap-south-1ap-northeast-2s3-website-us-west-1ap-southeast-5s3-eu-north-1s3-ap-southeast-1s3-website-us-gov-west-1compute-1s3-eu-west-3us-gov-west-1s3-website-ap-northeast-1us-gov-east-1s3-fips-us-gov-west-1s3-website-us-east-1s3-ap-southeast-2ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1s3-us-east-2s3-ap-northeast-1authauthauth-fipsauth-fipseu-west-3ap-south-2eu-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1mx-central-1me-central-1ca-central-1il-central-1ap-northeast-1ap-southeast-1me-south-1af-south-1eu-south-1ap-south-1ap-southeast-7us-west-2eu-west-2ap-east-2us-east-2eu-north-1ap-southeast-2ap-northeast-2ap-southeast-5us-gov-west-1us-gov-east-1ap-southeast-6ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1eu-west-3eu-south-2ap-southeast-3eu-central-1ca-central-1ap-northeast-1ap-southeast-1ap-south-1us-west-2eu-west-2us-east-2eu-north-1ap-southeast-2ap-northeast-2ap-southeast-5eu-west-1us-east-1ap-east-1sa-east-1csrframeservicesbuilderstg-builderdev-builder*ociocpocsazuregcpawsdemoinstanceeu-west-3ap-south-2eu-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1me-central-1ca-central-1il-central-1ap-northeast-1ap-southeast-1me-south-1af-south-1eu-south-1ap-south-1ap-southeast-7us-west-2eu-west-2us-east-2eu-north-1ap-southeast-2ap-northeast-2ap-southeast-5us-gov-west-1us-gov-east-1ap-southeast-6ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1previeweu-4us-4us-1eu-1us-2eu-2us-3eu-3s3-websitekrkrobjectprivateobjectkrkrskrkrsobjectkrprivateobjectkr-privatecomputepaasrag-cloudrag-cloud-chjcloudjcloud-ver-jpcdemonodebalancermembersipeuxvsoncillaocelotonzayalilynxsphinxfentigercustomercaracalsgkrobjectstoragedesgkrusobjectkrkr-naverkr-naver-devkrprivatewebsiteobjectkr-naverkr-privatekr-naver-devjpjpkrjp4jp5s3-website-jpjpkrjp4jp5objectprivateobjecto365cloudstaticxendevapp001testcode-builder-stgplatformmediasiteprojedrydpagesjsx0desazacncoitrueu4uhkukgrbrushatenadiarymyspreadshopfrom-flfrom-wvwebspace-hosttheworkpchatenablogcursorusercontentservesarcasmapplinzisakuratanwixsitefin-ncloudstoragegov-ncloudstorageappchizigiizeis-into-carsdnsiskinkyadobeaemcloudis-a-therapistpgfogmyvncdojinis-an-actress1kappfldrvkozowqa2jpnmexprgmrfirewall-gatewaydynnscafjsfbsbxooguyfrom-gawoltlab-demois-a-anarchistwiardwebteaches-yogadattowebtb-hostinglive-websiteservegamegotpantheonfrom-nhsubsc-payfrom-ohvipsinaappfrom-cadyndns-officeztna-dingtalkhomelinuxfrom-mahercules-appservebbsstreakusercontentfrom-okfrom-wyfastly-terrariumis-a-llamaqualyhqportalserveexchangeon-vaporvivenushopciscofreakgrayjayleaguesmetaaiusercontentfrom-iais-a-libertariansaves-the-whalestaveusercontentyolasiteoperaunitepoint2thisis-a-catererclaudeusercontentlinodeusercontentfrom-vagithubusercontentsells-for-lesshosteurcanva-appsplaystation-cloudddnsfreefrom-pafrom-prfrom-waddnskingoutsystemscloudhotelwithflightmydattois-a-nascarfanmydbserverminiserverdamnserverservehumouris-a-playerfrom-nvfrom-nmemergentagentgentappsamplifyappfrom-kyis-an-accountantnfshostserveircfrom-akpythonanywherestackhero-networkpostman-echolikescandydyndns-mailobservableusercontentserveftpfreeboxosfrom-utcdn77-storageamazonawsneat-urlnclouddyndns-serverlinodeis-a-teacherfrom-vtgleezemythic-beastsus1-pleniteu1-plenitla1-plenitpaywhirlservecounterstrikejdevcloudhealth-carereformis-into-animegoogleapisis-a-painterafricaisa-hockeynutatmetais-an-actora2hostedis-a-democratdatadetectest-le-patrondigitaloceanspacesis-a-designeris-a-hunterlinodeobjectstemp-dnsissmarterthanyoufrom-arsimplesiteevennodetownnews-stagingis-a-liberalgooglecodejelasticservemp3qualyhqpartnerdyndns-free1cooldnsest-a-la-masiondrayddnsdynuddnsfrom-orfrom-miis-a-bloggerfrom-himydobisscanvacodeis-an-engineerest-a-la-maisonupsunappdevinappswafflecellmyasustorwpenginepoweredfrom-ctservep2psame-appmyshopblocksthingdustdatalikes-piediscordsezis-with-thebandlpusercontentis-leetshopitsite3utilitiesis-a-personaltrainersinaappladeskis-a-cheflogoipselfipbase44-sandboxnospamproxyalibabacloudcsmesswithdnsauthgearappsiamallamawithgooglelutrausercontentmochausercontentframercanvasmytabitdyndns-homew-credentialless-staticblitzcpserverdiscordsaysis-a-nurseappspotatlassian-isolated-3premotewdfrom-mtwixstudiocode0emm180rmyactivedirectoryawsappsmytuleapdnsabrpolyspaceqbuserrenderbuiltwithdarkboutirgotdnsabrdnsdopaascanva-hosted-embedawsglobalacceleratorhomesecuritypcmyiphostditchyouripclever-clouddyndns-ipon-aptibleis-a-musicianhosted-by-filessecuritytacticsappspaceusercontenthomeunixstrapiappsame-previewcf-ipfsmycloudnaselasticbeanstalkis-certifieddontexistkasserverik-serverdrive-platformatlassian-3pfirebaseappncpstorageherokuappawsapprunnerbarsycenteris-a-cubicle-slaveservehttpmyshopifyis-a-guruquicksytessiiitesorsitesmagicpatternsappis-a-cpameteorappfrom-wiis-a-rockstarbumbleshrimpdattolocaldatabricksappsreadthedocs-hostedfrom-rifamilydsdyndns-picsmyoxypagesplesknsbplaceddnsaliasdynaliasdyndns-remotedoomdnsip-ddnsblogdnsis-a-doctorroutingthecloudamazoncognitobarsyonlinedsmynasddnsgurucloudflare-ipfsdeus-canvasfrom-idsmushcdnpagespeedmobilizergcorecdndyndns-at-homeunusualpersonhosted-by-previderis-a-republicandyn-o-saurstreamlitappworkisboringonthewificprapidqualifioappis-uberleetis-slickgetmyipwpdevcloudtypeformdyndns-at-workgentlentapismynascloudw-corp-staticblitzfrom-ingeekgalaxyservebeerfrom-mdonrenderspace-to-rentaivencloudappspacehostedwafaicloudcodespotblogspotatlassian-3p-us-gov-modfrom-ndfrom-msis-a-techieis-a-studentcustomer-ociis-a-photographerdurumisfrom-ksmassivegriddyndns-wikiis-an-entertaineris-a-hard-workermysecuritycamerafrom-mnrackmazedyndns-blogis-a-bulls-fanwritesthisblogfreemyipsimple-urlfrom-sdninjaneer-sitesreservdauthgear-stagingest-mon-blogueuris-into-gamesrice-labsxtooldevicesakurawebis-an-anarchistoraclecloudappsdyndns-worksells-for-urhcloudfrom-dcfastvps-serverwpmucdnis-a-geekscrysecfrom-txis-into-cartoonsmodelscapetrycloudflarelocaltonetstreak-linkbalena-devicesfrom-njforgeblocksfreebox-oswebadorsitefrom-ncdoesntexisthobby-sitestreaklinkshomesecuritymacownprovidertuleap-partnersdattorelaywphostedmailservequakeis-a-socialistservehalflifepivohostingdynuhostingquipelementsw-staticblitzdyndns-webfrom-deproject-studyis-not-certifiedhercules-devis-a-financialadvisoramazonlightsailservepicsis-a-greenloseyouripfrom-ilwithyoutubemwcloudnonprodwiredbladehostingdnsdojofrom-tnpixolinomyqnapcloudncloudstorageis-an-artisthostedpiis-a-landscaperauiusercontentoaiusercontenton-forgeis-a-conservativedreamhostersnet-freaksapps-1and1is-goneencoreapifastly-edgefrom-nesalesforcefrom-scdeployagentoraclegovcloudappsfrom-alis-a-lawyercechirevultrobjectsstufftoreadisa-geekddnsgeeklovableprojecttry-snowplowfrom-moblogsyteis-a-bookkeepernogmyforumravendbmyboxdeelementoredsaacficogoorinforgcomgobnatneteduidstoreorgcomnetintedudevnomepublorgcomneteduathgovtestscalculatorspaynowinfoquizzesresearchedcloudnsfunnelsassessmentsjscaleforcetmacltdorgmilcompronetgovbizpresseklogesrsccloudcustomfltusrcloude4corealmgovmunicontentproxy9metacentrumdyndyndyndnsdynpagespages-researchitionoccustomercomymyspreadshopipv64diskussionsbereich4limacomrubgov2ixfirewall-gatewayddnssspdnsbarsykeymachinesquare7myhome-serverspeedpartnercommunity-proschuldockxenonconnectgünstigliefernbwcloud-os-instancedyndnssecmy-routerxn--gnstigliefern-wobin-butterl-o-g-i-nisteingeekin-dslin-berlinin-brbfuettertdasnetzleitungsenin-vpnlcube-serverdyn-ip24logoipdyn-berlinruhr-uni-bochum12hpgoipsrvdnsfruskygit-repossvn-reposinternet-dnsgünstigbestellenhome-webserverxn--gnstigbestellen-zvbbplacedheimdnscosidnswebspaceconfiglima-citydyndns1istmeinvirtualuserschulplattformmy-gatewayddnsseclebtimnetztest-iservmein-iservvirtual-userhome64iservschuletaifun-dnstraeumtgeradeschulserverdynamisches-dns123webseitednshomehs-heilbronndnsupdaterbssgraphicdwadpdwdaepeweaawapaafpfwfabwbpbacwcpcciwebuserapiobjectssites*teamst3r2lpuncldabymebravepanelngrokiservstglclcrmerpflypagesbarsyvivenushoplocalcertlocalplayerbearbloggatewaydeno-stagingis-not-ais-a-goodbotdashvercelmocha-sandboxplatter-appreplitgithubpreviewworkersinbrowserevervaultis-ahrsndenoxmitmodxmyaddrstorageapipayloadgrebedocruncontainersreliantlabsstgstagelclstageloginlineis-a-fullstackcodepenreliantpreviewleapcellngrok-freeis-coolpagelemonstoragewebharemediatechlibp2pdiscoursecomyspreadshopstoreregbiz123hjemmesidefirmcoorgcomnetedugovsldorgmilcomwebgobartnetedugovtmorgpolcomsocartnetedugovassoagrondiscoodontk12medcuegyecpaabgengorgmilgalsaltulcomadmesmgobpubdocmonfindgnriouioproartlatvetnetfotedulojgovntrturibrbarxxxofficialbasechefprofmktgpsictechinfoarqtcontdentrrpppsiqgit-pagesritmedfieorgcomlibprieduaipgovriikmeactvsportorgmilcomscieunnetedugovnameinfopintouchtawktotawkmyspreadshoporgcomnomgobedu123miwebcomputeorgcomnetedugovbiznameinfocognito-idptransfer-webappeusc-de-east-1onjelasticnxaspdnsbarsydirectwpdeuxfleurstransurldogadoprvwcloudnsamazonwebservicesdnshomeuserpartycokoobinmkmspaceviewfidymyspreadshopalandkapsiikixn--hkkinen-5wacloudplatformhäkkinen123kotisivuidacorgmilcompronetedugovbiznameinforadioorgcomneteduusercocomexperts-comptablestmmyspreadshopgretaprdcomnomynhccifbxoshuissier-justicenotairesaeroportfreeboxoson-webavocatassoportgouvkdnschirurgiens-dentistes-en-franceavouesfbx-os123sitewebveterinairechirurgiens-dentistespharmacienchambagrimedecinfreebox-osdediboxgoupilemszicpyicpvicppleysheezypagesedugovcnpyorgcomcybllcpvtnetedugovtnxonlineschoolddnsdaemond6atcopanelorgnetplybotdashstackitkaasorgmilcomnetedugovbizmodltdorgcomedugovcoorgcomneteduappwriteacorgcomnetedugovcloudtranslateusercontentorgcomnetedumobiassoorgcomnetedugovbarsysimplesiteindorgmilcomgobneteduorgcomwebnetedugovguaminfonxhra教育敎育網絡网絡组織組織网络網络组织組织公司政府個人个人箇人ltdorgcomincneteduidvgovxn--uc0ay4axn--55qx5dxn--mk0axixn--io0a7ixn--uc0atvxn--zf0avxxn--lcvr32dxn--od0algxn--wcvs22dxn--gmqw5axn--od0aq3bxn--mxtq1mxn--ciqpnxn--tn0agxn--gmq050iorgmilcomgobnetedufngocdnappvoatiiservwp2tempurlmircloudfreesitewpmudevmyfastgadgetcloudaccessjeleambahalfboltfastvpsemergenteasypanelopencraftizcombrendlynamefromrtpersoadultmedorgpolrelcomproartnetedufirminfoassoshopcoopgouvtmcomediahotelforumvideosportorgsexagrargameslakaseroticaerotikatozsdereklamcasino2000filmsuliinfoboltshopprivnewsszexcityutazasjogaszkonyveloingatlaneacaicogoormyᬩᬮᬶmilwebschnetkopbizzonedesaponpesxn--9tfkymyspreadshopgovmytabittabitorderravpageaccok12idforgnetgovmuniltdplcaccotttvorgcomnetmeca6g5gpgamubacaicniocoukuptverdruscsdelhiindorgmilcomwebnicfingenpronetintedugovresbizbiharbarsyinternetbusinessschooltravelsupabasealumnigujaratfirminfoaeropostbankcoopindevscloudnsno-ipbarsybarrell-of-knowledgebarrel-of-knowledgensupdategroks-thisdnsupdatefor-ourknowsitalldvrcammittwalddynamic-dnsv-infowebhopselfipdyndnshere-for-moreilovecollegemayfirstforumzcloudnsmittwaldservertypo3servergroks-theeusekd1cdndyndnsidrawsainaueuapjpusstagemocksysdevicesclientcustreservdcustdevdisrecprodtestingcowzbeebyteutwenteboxfusebravepstmndedynngrokorgmilcomnomnetedugovqcxqzzbarsythingdustmailerpagemo-siemensrb-hostingfh-muenstergitbookbluebitecloudbeesusercontentnodeartterramindkiloappsforgerockdarklangresinstagingapigeebubbleb-datascryptedhypernodedappnodepantheonsitegitlabgithubkeeneticvirtualservercleverappshostyhostingon-rioedugitticketstelebitwixstudioon-k3sicp0icp12038jeleqotolairbubbleappsmyaddrstolosmyrdbxwebflowdrive-platformbeagleboardhasura-applolipopdefinimavaporcloudmusicianwebflowtestazurecontainerresindevicereadthedocsloginlineeditorxmoonscalesandcatsbasicserversubscribepagewebthingsbrowsersafetymarkbeebyteappbitbucketidaccovistablogorgschnetgovxn--mgba3a4f16axn--mgba3a4fraarvanedgeايرانایرانjclaspeziapdudcefegelemeperetevebacanatavaparasabgagfgogrgpgalclblimfmrmcbmbvbfclcmcvcrcpcchlimifibicivipirisimncnbnanenrnpntnnolomobocoaogorosopotoptvtatctbtmtltotpusulunutpspapaqsvpvvvtvavvrtrsrprgrfrcrbrarorkrvstsssbscsmsispzczbzbozen-suedtirolmyspreadshopxn--bulsan-sdtirol-nsbxn--valledaoste-ebbtrentinoaltoadigetrentin-sued-tirolxn--forlcesena-c8axn--forl-cesena-fcbxn--bozen-sdtirol-2obtriestetrentinsuedtiroltrentino-s-tirollecceudineaostesienaparmaluccapaviagenoapaduaaostamonzaabruzzoternirietiturinmilanbozenlaziofermoleccocuneonuoropratola-speziavdataaligfvgpugmolcalcamlomumbsicpmnvenvaoedugovabrsarmaremrbastoslazibxosfirenzetrentinosüdtirolval-d-aostavalle-aostamessinacremonaravennatoscanatrentin-suedtirolbolognacalabriaurbinopesarofriuli-v-giuliaogliastraxn--valle-aoste-ebblaquilaandriatranibarlettasyncloudxn--valle-d-aoste-ehbaostavalleyvalled-aostatrentino-alto-adigevallee-d-aostexn--balsan-sdtirol-nsbpistoiasicilialucaniacataniaiserniaperugiabresciaveneziagorizialiguriaimperiabulsan-suedtirolbalsan-suedtirolbarlettatraniandriaxn--trentino-sdtirol-szbforlì-cesenatuscanyvallée-d-aostemantovavallée-aostecasertapiemontevalleaostaval-daostafriulivgiuliatrevisoforli-cesenavalléedaosteferrarapescaravald-aostatrentino-altoadigefriuli-vegiuliavallee-aostecarboniaiglesiastarantomediocampidanovalleedaostetrentinosud-tirolcampobassotrentinsüd-tiroltrentinosüd-tirolmonzabrianzatrentino-südtirolxn--trentino-sd-tirol-c3bpotenzacosenzavicenzaemiliaromagnavenicefrosinonemarchepordenonetrentinosued-tirolvaresemolisevalléeaostefriuli-veneziagiuliabasilicatalatinaanconasavonaveronamodenabiellabolzano-altoadigepugliafoggiaumbriatrentino-stirolgenovapadovamateranovararagusapiacenzatrentinostirolvalleeaostetempio-olbiasudsardegnatrentinsudtirolmassa-carrarafriuliveneziagiuliatrentinosuedtirolandria-barletta-tranitrapanixn--cesenaforl-i8amaceratacaltanissettaascoli-picenobrindisicarraramassacagliaririmininapolivibo-valentiachietibulsan-sudtirolbalsan-sudtiroltrentino-a-adigebulsanbalsaniglesiascarboniamilanotorinoteramodell-ogliastraarezzotrentinoalto-adigerovigotrentovenetoiglesias-carboniatrentino-sud-tirolaltoadigereggio-emiliareggio-calabriasardegnatranibarlettaandriapiedmontxn--sdtirol-n2amedio-campidanotrentino-süd-tirolfriuli-vgiuliafriuli-ve-giuliaromeennaromapisa32-b16-b64-blodiastibarineencomonaplesforlicesenailiadboxosalessandriasicilytrani-barletta-andriaxn--trentin-sdtirol-7vbpesarourbinotrentinsued-tirolcesena-forliforlìcesenaemilia-romagnamonzaebrianzaxn--trentinsdtirol-nsbtrentinos-tiroltrentinsüdtirolvalledaostaolbia-tempiocampidanomediovibovalentiasassarivalle-daostalombardysud-sardegnafriulivegiuliareggioemiliamonzaedellabrianzaalto-adigevercellitrentin-sudtiroltraniandriabarlettatrentino-sudtirolascolipicenobozen-südtirolfriulive-giuliaflorencexn--cesena-forl-mcbcarbonia-iglesiasaosta-valleycarrara-massadellogliastratrentinoa-adigexn--valleaoste-e7apesaro-urbinoxn--trentinosdtirol-7vbxn--trentin-sd-tirol-rzbxn--trentinsd-tirol-6vbtrani-andria-barlettatrentin-süd-tirolxn--trentinosd-tirol-rzbgrossetomonza-e-della-brianzasüdtirolreggiocalabriatrentinoaadigetrentin-südtirolverbano-cusio-ossolafriuliv-giuliaverbaniacampaniatrentino-aadigefriulivenezia-giuliasardiniaandriabarlettatranibarletta-trani-andriacatanzarooristanourbino-pesarocesena-forlìvalle-d-aostacampidano-medio123homepagesiracusatempioolbiasuedtirollombardiaavellinocesenaforlìtrentinofriuli-venezia-giuliabozen-sudtirolandria-trani-barlettabulsan-südtirolbalsan-südtirolmonza-brianzabolzanotrentino-sued-tirolbellunosalernolivornocrotonesondriodnshometrentinsud-tirolmassacarraratrentin-sud-tiroltrentino-suedtirolviterbobergamocesenaforliolbiatempiopalermobeneventoagrigentoofcoorgnetfmaitvphdengorgmilcomschnetedugovperagrikanieasukehandachitatokaiaisaikonanoharuamaobuhigashiuraowariasahiinuyamatobishimaiwakurashitarainazawatoyonegamagorimihamatoyotataharakariyayatomioguchikomakimiyoshinishiotokonamekiyosuchiryutoyohashiokazakiisshikikasugaikotakiratoeianjotogofusosetohazutsushimashinshirotakahamanisshinshikatsuhekinantoyokawaichinomiyatoyoakeodateogataakitaikawakyowahonjoogayurihonjonoshirokamiokakatagamimitanegojomeyokotekosakadaisenkazunonikahohonjyomoriyoshimisatohappoukamikoanihachirogatahigashinarusesembokufujisatokitaakitaitayanagiowanitakkomutsutsurutahirosakigonoheoirasetowadamisawanohejiaomorishingohiranairokunohehashikamitsugarushichinohehachinohenakadomarisannohekuroishisakaeisumiasahiotakiinzaiabikomatsudoyachiyomutsuzawakujukuriomigawakashiwatoganemihamanaritasakuranagaramobarahanamigawachoshishiroichoseikozakishisuikatorimidorichonankyonanfuttsuonjukufunabashinagareyamanodasosatakochuotohnoshourayasukimitsuyokaichibayotsukaidosodegauratateyamakamagayayokoshibahikariyachimatakatsuuratomisatokisarazukamogawaichikawanarashinoichinomiyashimofusaminamibososhirakoichiharaoamishirasatoikatahonaiainansaijoseiyoiyoozuuwajimaniihamanamikatamasakiuchikokihokutobetoonshikokuchuomatsuyamaimabarikamijimakumakogenyawatahamamatsunosabaeikedaobamasakaifukuiohionotsurugamihamawakasaminamiechizeneiheijikatsuyamatakahamaechizensoedaukihaomutaokawanishiogoribuzenonojosueumiokiotochikugosasagurisaigawamizumakishinyoshitomikurumekurateyamadakasuganakamamiyamanogatatakatahakataiizukakawaratagawakasuyaashiyainatsukimunakataminamitsuikishonaikurogifukuchikeisenhigashimiyakoshinguyukuhashiokagakiyamekogaongausuikahotohochuotoyotsumiyawakadazaifuhisayamatachiaraiyanagawanakagawahirokawachikujochikushinochikuhochikuzennamieotamaokumashowateneiiwakikoorinangoononishigoshimogoomotegomishimafukushimaasakawakagamiishishirakawaiitatefutabahiratayugawahanawakitakatakawamatakunimiyabukibandaihigashihironoyamatomiharuyamatsuriaizubangedatesomaaizuwakamatsuyanaizuaizumisatonishiaizuizumizakikitashiobarataishinkaneyamakoriyamainawashirotanagurafurudonosamegawasukagawaishikawatamakawaikedaogakitaruiginanenahashimahichisonakatsugawaibigawashirakawamizunamiminokamomitakekawauesekigaharatomikasakahogikitagatayamagatatajimianpachimotosuyaotsukakamigaharahidakanisekitokigujominogodoyorogifukasamatsutakayamawanouchihigashishirakawakasaharashimonitatsumagoichiyodakannakanrashowameiwakiryuotaoratomiokafujiokaitakuranaganoharahigashiagatsumatakasakishibukawaminakamikatashinatsukiyonokawabanumataannakaoizumimidorishintoisesakiuenoyoshiokakusatsutakayamanakanojonanmokutamamuratatebayashimaebashiotakekaitadaiwahongofuchukuietajimashobaramiharahatsukaichihigashihiroshimamiyoshikumanokurenakasakaseraseranishiasaminamifukuyamashinichionomichiosakikamijimajinsekikogentakeharaotobenanaeikedatohmaozoraobiraabirakyowaeniwataikibibaisharirebunerimohiroooketootarupippunishiokoppechitosefurubirahakodateshiranukakitahiroshimakushiroobihironanporoiwamizawaniikappukunneppufukushimanakasatsunaitoyourakuromatsunaiakabirakamisunagawashibechaurakawakamifuranonakatombetsuasahikawashimokawakayabeokoppebiratoriabashirisaromaatsumanumatahidakabifukamukawamikasahorokanaitoyotomisarufutsuhigashikawaishikarikitamiyoichiesashiiwanaitomariminamifuranoakkeshifuranotoyakoyakumootoineppushikaoishiraoinemuronayorohaboroashorobihororishirifujiutashinaihokutotakasuebetsuurausuassabukikonaishimamakinaiedatetoyabieinikiesanuryuoumuteshikagarikubetsuashibetsukimobetsuaibetsutobetsusobetsuembetsushimizuchippubetsurishirihokuryuhoronobeshintokutsubetsushibetsuhonbetsumombetsutsukigatakuriyamakoshimizushiriuchikutchanmurorannoboribetsukamishihorowassamushinshinotsukembuchiwakkanaikamoenaikiyosatotakinoueshikabesunagawafukagawanakagawatakikawakamikawahigashikagurahamatonbetsumatsumaemoseushirankoshishakotanimakanemashikeotofuketomakomaisandatambaitamiawajikasaiasagoshisoonoakoyashirotoyookaminamiawajiinagawafukusakitakasagokamigorikasugaharimayokawaashiyahimejiakashitaishiaogakisannantakinosumototakarazukanishinomiyashingugoshikinishiwakiyokatakaaioimikisayoyabukawanishiamagasakisasayamashinonsenkakogawaichikawakamikawatatsunotsukubaiwamaogawaasahisakaitokaioaraiitakobandodaigosuifuinaamikasumigaurakashimaomitamayachiyoshimodatetomobetoridehitachinakainashikisakuragawakasamayawaramoriyahitachiomiyanamegatayamagatahitachikamisuushikutakahagiibarakitonekoganakasowayukimihojosomitoryugasakishimotsumafujishirotsuchiurachikuseihitachiotashirosatotamatsukuriuchiharashikahakuinanaotsubatawajimakahokukawakitatsurugikaganominotosuzuuchinadakomatsuanamizunakanotohakusannonoichikanazawaiwateshiwafudaikawaimoriokaofunatohanamakikuzumakikitakamininohekunoheyamadayahabasumitaichinosekitanohatahiraizumirikuzentakatajobojiotsuchihironomiyakoiwaizumikarumaiichinohenodakujitonooshushizukuishifujisawamizusawakamaishikanegasakimannoutazukotohiraayagawazentsujihigashikagawauchinomikanonjisanukimarugamemitoyotakamatsutadotsunaoshimatonoshoakuneamamiizumihiokiyusuikinkoisasookouyamanakatanekagoshimakanoyaisenkawanabeminamitanemakurazakitarumizunishinoomotematsumotosatsumasendaioimatsudaayaseebinamiurazushinakaiodawaraiseharasagamiharahakoneaikawakaiseiatsugitsukuihadanoyamatoyamakitazamaoisochigasakininomiyayokosukakamakuraminamiashigarafujisawasamukawakiyokawahiratsukayugawaraokawaumajikochitsunootoyoakiinonishitosayasudahidakamiharasakawaniyodogawahigashitsunokagamigeiseisusakiotsukinaharisukumomurototosakamiochitoyotosashimizumotoyamanankokunakamurakitagawayusuharaogunichoyoukiasoutoozugyokutoamakusamifunetakamoriyamagaminamataminamiogunikikuchisumotoyamatonagasumashikiaraokumamotokamiamakusanishiharayatsushiroayabeseikasakyoideineujinakagyokameokakyotangokyotanabekyotambaminamiyamashiroyamashinatanabeyawatawazukaminaminantanmiyazuhigashiyamafukuchiyamakitamukokamojoyokizumaizuruujitawaraoyamazakinagaokakyokumiyamakawagoeinabeshimameiwaasahitaikiudonoisetsukisosakikuwanamihamamiyamasuzukatamakimisuginabarikumanokomonominamiisewataraitobakiwatakikihotadomatsusakayokkaichikameyamaureshinoishinomakishichikashukuohirataiwaosakizaohigashimatsushimashikamaiwanumashibataogawaraonagawakawasakiseminemarumoriminamisanrikukakudamuratawakuyatomiyanatoriwataritagajomisatotomekamirifushiroishimatsushimayamamotoshiogamafurukawahyugaebinotsunosaitoayakushimanobeokakitauramiyazakitakazakigokaseshiibamimatashintomikunitomikitakatakobayashikawaminamitakaharukijotakanabemiyakonojonishimeranichinankitagawakadogawamorotsukakisofukushimaminamimakisakaeobuseikedaogawamiasaokayaasahiotakiotarichinoinaomichikumakomaganechikuhokukaruizawayasuokaooshikaikusakaminamiaikitogakushimatsukawakawakamitateshinatakamorikitaaikishiojirimiyadahakubaiizunaiijimaiiyamamiyotasuzakayasakatoguraookuwanagawaminowahirayayamagataminamiminowafujimiomachisakakitakaginaganonakanosakuhokomoronagisoshinanomachiwadauedaiidaharasuwatomiachiaokianankisosakunozawaonsenagematsutakayamashimosuwamatsumotoyamanouchinakagawamochizukiazuminotatsunoobamaomuraseihiunzenosetofutsuikichijiwanagasakiisahayahasamisaikaikawatanasasebohiradokuchinotsugototogitsutsushimashimabarashinkamigotomatsuurayamazoekashibaikomakawaitenrioyodosangokoryoudaojiikarugayamatokoriyamatenkawakatsuragikurotakikawakamimiyakemitsuetakatorikamikitayamayamatotakadahegurishinjokanmakisakuraitawaramotogoseoudanarasoniandokawanishishimoichihigashiyoshinokashiharashimokitayamanosegawayoshinomintsivorytopazsakuragehirnsumomoaseinetopalmail-boxmokurenyoitamuikaojiyagosensanjoaganomyokoseiroagaomishibataniigatanagaokamurakamiuonumayuzawakariwatagamitainaitsunanminamiuonumatochioyahikojoetsuseiroukamosadoizumozakitokamachiitoigawasekikawakashiwazakitsubamemitsukekokonoesaikiusukibeppuusahimeshimakunisakihasamataketatsukumihitaoitahijikusuyufukujukamitsuebungoonobungotakadaibaraniimibizentsuyamaokayamakasaokahayashimayakagemaniwaakaiwamisakishinjotamanotakahashikibichuowakesojanagishookumenannishiawakurakurashikiasakuchisetouchikagaminosatoshotomigusukunakagusukuyaeseizenaurumaiheyaaguniogiminanjokinminamidaitokitanakagusukuyonaguniokinawaishigakikunigamiurasoekadenataramahiraraginozataketomishimojizamamitonakiitomanhigashimotobuyonabarugushikamionnanahanagohaebarukumejimakitadaitonakijinnishiharayomitanginowantokashikiishikawaikedasuitaminohizuminishisakaikananabenodaitoosakasayamayaokishiwadatadaokakaizukatondabayashichihayaakasakakumatorikadomasayamahigashiosakashijonawatehirakatataishimisakitajirihannansennankatanotoyonominatosettsuhigashiyodogawaibarakinosekitachuohigashisumiyoshifujiiderakashiwaraizumiotsutoyonakamatsubaramoriguchiizumisanoshimamototakatsukineyagawahabikinotakaishikawachinaganoyoshinogarikamiminearitaouchiimarihizenogikashimaariakekiyamafukudomikitagatakitahataomachigenkaikanzakinishiaritakyuragisagataratosutakushiroishikaratsuhamatamakouhokukawagoeyoshidasatteogoseirumaasakaurawaogawaniizaomiyayoriiotakishikihonjooganohannohanyuinasaitamaokegawaarakawayoshikawayokozehasudasayamahidakafukayachichibuiwatsukiryokamiyoshimikamiizumifujimiwarabiranzanmiyoshiminanoyashiosakadosugitomisatohigashichichibutodasokakukiyonokazoshiraokakasukabekounosukawajimatsurugashimamiyashirokitamotohatoyamamoroyamahatogayakumagayakawaguchinagatorokamisatomatsubushinamegawatokigawakamikawafujiminohigashimatsuyamakoshigayatokorozawas3isk01isk02ryuohkoseikonanaishorittotakashimamaibarahikonetorahimenishiazaikokagamokotoyasuotsukusatsunagahamamoriyamatoyosatotakatsukinotogawaomihachimanhigashiomiakagiunnanizumogotsuamayatsukakakinokimatsuehamadamasudahikawahikimiokuizumoyasugiyakumomisatotamayuohdahigashiizumookinoshimanishinoshimatsuwanoshimaneshimadafujiedayoshidashimodagotembaiwataatamikosaiyaizuitoizumishimahaibaramakinoharaomaezakikawanehonkannamisusonohigashiizufukuroinumazukawazufujiaraishizuokahamamatsushimizuizunokunimatsuzakimorimachiminamiizunishiizukikugawakakegawafujikawafujinomiyaujiietsugaoyamayaitaohiranikkoashikagakuroisokanumasakurashioyakarasuyamamotegiichikaikaminokawatochigihagamokanogisanobatonasumibunasushiobaranishikatautsunomiyaiwafunemashikoshimotsukeohtawaratakanezawaitanokomatsushimatokushimaichibaminamiaizumiwajikikainanmiyoshinarutomimamugiananmatsushigesanagochishishikuinakagawamachidachiyodakomaefussainagitaitochofufuchuomeotahigashiyamatotoshimaokutamaaogashimakodairaedogawaarakawahachiojishinagawatachikawashibuyasuginamihinodekiyosesumidaoshimanerimamitakahamuraadachinakanomizuhobunkyomegurominatokoganeihigashikurumekokubunjihigashimurayamamusashimurayamatamakitahinochuokotokatsushikakouzushimaogasawaraakishimakunitachishinjukusetagayamusashinohachijoitabashiakirunohinoharachizunanbukotouramisasawakasayonagokogehinoyazutottorinichinansakaiminatokawaharaoyabetairainamiasahinantoimizufuchutakaokakurobeyamadajohanatoyamatonaminyuzenfunahashinakaniikawanamerikawaunazukitogahimiuozufukumitsutateyamakamiichiiwadearidayuasainamitaijikatsuragiaridagawatanabemihamahidakakainankiminomisatoshingushirahamakamitondayurakozakoyagobokitayamawakayamakudoyamahashimotokushimotokozagawahirogawakinokawanachikatsuurarsuseroeoishidasagaeoguniasahinagaitendonanyoobanazawanishikawasakataohkuratozawamikawamamurogawayamagatafunagatatakahatashonaishinjokahokuiideyuzakawanishitsuruokakaminoyamayamanobeshiratakamurayamanakayamakaneyamahigashineyonezawasakegawamitouubeyuuabushimonosekitabuseoshimatoyotaiwakunihikarishunannagatohagihofukudamatsutokuyamashowadoshitsurunanbukoshukaiminami-alpsnirasakikosugeotsukioshinohokutominobuyamanashifuefukichuokofuichikawamisatoyamanakakonakamichitabayamanishikatsuranarusawafujikawahayakawafujiyoshidafujikawaguchikouenohara長野京都岐阜大阪三重群馬千葉滋賀佐賀奈良adednelgaccogogror秋田愛知高知埼玉沖縄栃木熊本岩手青森山梨新潟島根鳥取長崎香川宮城石川大分宮崎茨城山口兵庫山形徳島広島福島福岡岡山富山静岡愛媛福井東京xn--4it168dhatenadiaryxn--vgu402ckawaiishophatenablogcocottenamaste北海道penneehimeiwateversestabachibashigagonnagunmapermahaccaakitaosakauh-ohblushkochiaichifukuikuroncapooitigohyogotokyokyotopunyuthickcheap0t00g00j0mie2-ddaapyawjg0amfemsubxiiboomoobutchueekpgwrgrherskrboyrdyupperunderflierchipsmydnsheavyangryhippygirlyrulez神奈川鹿児島和歌山bambinaxn--nit225kokayamasaitamaxn--k7yn95exn--1lqs03nsapporoparasitelolipopmcxn--efvn9sniigatafukuokatokushimafukushimahiroshimakagoshimafakefurokinawaxn--8pvr4ucoolblogxn--0trq7p7nnkawasakinagasakimiyazakichilloutxn--8ltr62kxn--klty5xpeeweezombiecutegirlxn--rny31hxn--uuwu58axn--ntso0iqx3axn--djrs72d6uytoyamanikitanyantakagawamimozanagoyaboyfriendxn--2m4a15egreaterchowderegoismyamagatafashionstorexn--elqq16hxn--pssu33lsendaimiyagixn--rht27zpecoriaomorisaloonwatsonvivianxn--djty4knobushipigboatnaganopinokoxn--f6qx53asadistvelvetsecretxn--5js045dchicappayamanashiibarakidigickgirlfriendxn--1lqs71dmongolianxn--c3s14mxn--qqqt11mtochigixn--5rtq34kparallelo0o0mondkobesagabonadecaoitanarafoolkilldecimainhiholomosblokilociaoundopupugifutankcrapflopnooroopsmodsholyjeezstripperpepperbittershizuokaxn--rht3dkitakyushureadymadeicurusversusmatrixxn--rht61ehungryfloppygloomycrankyhandcraftedlittlestarxn--klt787dxn--kltx9awhitesnowsunnydaytottorilovepoptheshopbuyshopxn--5rtp49cxn--d5qv7z876cwebaccelxn--kbrq7oxn--4pvxsxn--1ctwolovesickkumamotocatfoodxn--tor131oyokohamawakayamatonkotsuxn--ehqz56nxn--uist22hxn--6btw5axn--kltp7dyamaguchifrenchkisspussycatxn--4it797kxn--uisz3gbabybluexn--zbx025dnetgamersxn--7t0a264ckanagawaxn--6orx2rishikawaxn--ntsq17ghalfmoonschoolbusjellybeanxn--mkru45iusercontentlolitapunkxn--32vp30hsakurastoragehokkaidoshimanecandypopbabymilksupersaleweblikeraindropbackdropwebsozaikikirarahateblodaynightmeneacsccogoormobiinfoaeusxxorgmilcomnetedugovorgcomnetedugovbizinfotmprdorgmilcomnomedugovassnotairespresseassocoopgouvveterinairemedecinpharmaciensorgnetedugovtraorgcomedurepgovmeneperekgacscaiiocogoitoresmshsseoulbusanulsandaeguc01milvkimmvchungnamjeonnamjeonbukeliv-dnsgyeonggijejueliv-cdnincheondaejeongangwongyeongbukgwangjuchungbukgyeongnameliv-apicoeduindorgcomembnetedugovorgmilcomnetedugovjcloudorgcomnetintedugovperbnrinfocooyorgcomnetedugovethipfscanvamypepethw3sstorachakeeneticjoinmcinbrowserdwebcyonnftstoragemyfritzaemewphlxachotelltdorgcomwebsocschngonetintedugrpgovassnomgacsccoorgnetedugovbizinfo123websiteidorgmilcomasnnetedugovconfidmedorgcomplcschnetedugovaccoorgnetgovpresstmassoirseproxaccosoundcasthoptocraftvp4c66orgnetedugovitsxwxmcdirmyboxbarsyedgestacksynologylogintoopencloudnohostwebhopdiskstationi234tcp4hoocgroknoipprivmydsddnsdnsforlohmustransipdscloudfilegear-sgbrasiliafilegearframerbarsybarsyonlinecoprdorgmilcomnomedugovinforgcomnetedugovnameacprorgcomartnetedugovpresseinfoassoinstgouvorgnycedugovbarsydscloudjuorgcomnetedugovminisiteaccoororgcomnetgovorgmilcompronetintedugovbizmuseumnameinfoaerocoopaccoorgcomnetintedugovbizcooporgcomgobneteduorgmilcomnetedugovbiznameaccoorgmilneteduadvgovcoorgcomnetaltgovforgotherhiskeeneticispmanagernomassoprod5476132eastasiacentraluswesteuropewestus2eastus2pnortheurope-01newzealandnorth-01southindia-01southcentralus2-01norwaywest-01eastus2-01westus2-01australiaeast-01italynorth-01israelnorthwest-01swedencentral-01westeurope-01centraluseuap-01taiwannorthwest-01uaecentral-01northcentralusstage-01israelcentral-01mexicocentral-01canadacentral-01austriaeast-01germanywestcentral-01francecentral-01ukwest-01denmarkeast-01polandcentral-01eastus-01westus-01swedensouth-01eastus3-01westus3-01brazilsouth-01centralus-01francesouth-01australiacentral-01westindia-01uaenorth-01jioindiacentral-01canadaeast-01belgiumcentral-01spaincentral-01koreacentral-01chilecentral-01qatarcentral-01westcentralus-01eastus2euap-01norwayeast-01southafricanorth-01brazilsoutheast-01germanynorth-01switzerlandnorth-01switzerlandwest-01japanwest-01southafricawest-01japaneast-01eastasia-01indiasouthcentral-01taiwannorth-01centralindia-01uksouth-01southcentralus-01northcentralus-01eastasiastage-01indonesiacentral-01australiacentral2-01australiasoutheast-01malaysiawest-01koreasouth-01southeastasia-01southeastus5-01northeastus5-01jioindiawest-01rucdnwest1-usfra1-desandboxjls-sto1jls-sto3jls-sto2aglobalabglobalsslmapprodfreetlsmapvpslon-1lon-2ny-1fr-1sg-1ny-2paassnwebpaashostingjelasticnordeste-idcsocuserpagescwebfileblobservicebuscoreatlricnjsjelasticwebsitestoragesezagbinruhuukjptsmyspreadshopmynetnameakamaiorigin-stagingfrom-coipv64dynv6cdn77serveblogadobeaemcloudhicamsprytdnsupno-ipownipde5ovhicpfirewall-gatewaysytesmypsxbarsyusgovcloudapimyamazemyradwebakamaihdsaveincloudfastlylbfrom-lasubsc-paysquare7in-the-bandblackbaudcdnhomelinuxoninfernoctfcloudservebbsdns-dynamiccloudfrontakamai-stagingipifonyham-radio-opsenseeringclickrisingcommunity-profrom-nylocalcertgrafana-devedgesuite-stagingcloudflareanycasteating-organicatlassian-devmydattofeste-iplocaltotorprojectknx-serveredgekeycloudflareglobalcloudyclustercasacamserveftpakamaized-stagingakamaiorigindns-cloudmyeffectboomlabotdashbuyshousestwmailhetemlazure-mobilein-dslthruhereredirectmedynuddnsbouncemesupabaseluyanicloudappakamaicloudfunctionsdebiannhlfanpgafanstatic-accessin-vpnmysynologymafeloappudohomeftptrafficmanagersiteleafseidatmemsetcloudflarecloudaccesskeyword-onazure-apiis-a-chefdoes-itgets-itwebhopselfiphomeipkicks-assedgesuitewindowsserver-ontunnelmolemydissentscrapper-sitecloudflarecnuni5srcfggffiobbzabchrsndenodynuopikddnsvpndnsakadnselastxkinghostvps-hostfastlyhomeunixazureedgeshopselectdontexistmyfritzcloudjiffyalwaysdatasells-itsquaresbroke-itazurefddattolocalat-band-campmeinforumfamilydsazurestaticappsdefinimabplaceddnsaliasdynaliasnow-dnsblogdnsroutingthecloudendofinternetdsmynasakamaiedgemymediapcadobeio-staticakamaiedge-stagingakamaihd-stagingddns-ipprivatizehealthinsurancelive-onkrellianschokokeksmassivegridmysecuritycamerarackmazeserveminecraftfrom-azis-a-geekakamaizedmoonscaleoffice-on-theusgovtrafficmanageradobeioruntimeedgekey-stagingreserve-onlinechannelsdvrdnsdojousgovcloudappcdn77-sslapps-1and1podzoneazurewebsitesdynathomescaleforceyandexcloudvusercontentisa-geekcdn-edgescoaemalcesappwriteazimuthtlonarvobuiltwithrocketnoticeablestorecomwebrecnetperotherfirminfoartslgdloncogoiltdorgmilcolcomplcschgenngonetedugovbiznamefirmmobiacincoorgmilcomnomwebgobnetintedubizinfocomyspreadshopdemongovtransurl123websitehosting-clusterkhplaycistrongsnesosvalervålerxn--vler-qoaossandeheroysandeherøybøboheroyherøyxn--hery-iraxn--b-5gavalerbøboxn--b-5gasandesandexn--hery-iraxn--vler-qoavålerhåreålaahavaofsfvfhlolnlalrlhmfmtmahcostntbuåstrmreigersundmyspreadshopgálsáeidsvolltingvollgildeskalflorøvadsøvardøvanylvenxn--bhccavuotna-k7astrandaxn--kvnangen-k0axn--sknland-fxaxn--mosjen-eyarakkestadhyllestadnannestadvevelstadvaapstenordre-landsondre-landsøndre-landtjieltexn--vrggt-xqadsør-aurdalsor-aurdalheradstordmoldefordeførdeseljefedjeryggehemnexn--krehamn-dxasognegranesøgnebrynetjomevallebykletokkegiskedovretjømehobølvoldasaudatolgasømnaviknadønnasomnadonnatranafrananesnaraumasmolatrænafrænalesjasmølaørstaorstahitrafloraaukraloppafrøyarissasnasahalsagalsaromsaraisaráisafroyasnåsagronghobolfjelltydalårdalardalaskimharamkraanghkekråanghkesorumbarumhurumbærumsørummodumsálátbálátfrognbjugnvåganvagangulenskienløtenlotenstrynvefsnxn--merker-kuaskaunsveiobømlobomloskjåkvardoflorovadsosalatbalatsálatklæbuklabuselbubarduulvikskjakklepprisørxn--nttery-byaeflåeidflahofmilgolholsellomskifetvikdepvgsfhsaskerrisorhamarasnesåsnesrørosrorosxn--slat-5namasoynaroyvaroyluroydyroyaskoyradoyandoyrodoymeloyradøyandøyrødøymeløyaskøylurøydyrøymåsøyværøynærøyhoylandethøylandetdivtasvuodnalørenskoglorenskognesoddtangenxn--tjme-hraxn--smla-hraxn--stjrdal-s1aunjargalillehammerunjárgaxn--hamary-fyadavvenjargaxn--bearalvhki-y4a123hjemmesidegjerdrumxn--brnnysund-m8acxn--tnsberg-q1axn--mlatvuopmi-s4axn--snsa-roaxn--skierv-utaxn--brum-voatysfjordkvafjordeidfjordkvæfjordsongdalenmjondalenmjøndalenxn--gls-elackragerogáŋgaviikagangaviikasørreisasorreisasør-varangersor-varangerxn--risr-iraskiervaxn--frna-woaxn--trna-woakvinesdalleksvikleirvikrøyrvikroyrviksvelvikvenneslaevje-og-hornnessandnessjøenmarnardalvindafjordsandefjordenebakksnillfjordullensvangxn--trany-yuabrønnøysundnamsskoganaustevollxn--stjrdalshalsen-sqbnord-aurdalnord-frontrøgstadtrogstadgrimstadflakstadgjerstadxn--sandy-yuaxn--leagaviika-52bnore-og-uvdalvegarsheixn--rlingen-mxaxn--ggaviika-8ya47hvegårsheikarlsoykvitsoymasfjordenhamaroyinderoyosteroydavvenjárgasauheradguovdageaidnuxn--vre-eiker-k8abronnoysiellakkrødsheradkrodsheradkvinnheradbrønnøyxn--mtta-vrjjat-k7afxn--lrenskog-54akvitsøyvárggátkarlsøyosterøyinderøyhamarøybronnoysundxn--aurskog-hland-jnbbahccavuotnabáhccavuotnagiehtavuoatnastor-elvdalmidtre-gauldalxn--gildeskl-g0akarasjokevenassixn--bievt-0qaxn--yer-znalebesbynessebyxn--hbmer-xqamalselvmålselvxn--unjrga-rtamøre-og-romsdalmore-og-romsdalhareidmelandørlandorlandstrandålgårdsolundalgardafjordåfjorddielddanuorrikautokeinoxn--stre-toten-zcbskodjeaejriestangeliernebamblestokkefauskesnåasesnaasekongsvingerlangevagberlevagxn--flor-jrahattfjelldalostre-totenøstre-totenvestfoldxn--mely-iraálaheadjualaheadjunordreisaxn--troms-zuaxn--lgrd-poacporsangerflatangerstavangerleikangerbremangersamnangergieldakarasjohkaxn--rdy-0nabfrostautsirasnoasatromsaxn--sr-aurdal-l8aflekkefjordjølsterjolsteraremarkhedmarknååmesjevuemienaamesjevuemiexn--vard-jrarollagmeråkermerakerorskogørskogxn--bdddj-mrabdákŋoluoktaxn--osyro-wuaaknoluoktatrysilskjervøymandaljondalbindalrindalmeldalsuldalorkdalsigdalalvdallærdalhurdalsirdalverdallerdallardaloppdalåseralaseralhadselkragerødivttasvuotnaoverhallasteinkjerxn--hnefoss-q1askedsmokorsettromsøxn--dyry-iravestre-totenmuseumxn--sandnessjen-ogbrahkkeravjufylkesbiblbájddarbajddarxn--laheadju-7yarennesøyxn--koluokta-7ya57hxn--hgebostad-g3aleirfjordstorfjordbalsfjordbåtsfjordbatsfjordmuosátbievátloabátkárášjohkanøtterøyxn--mjndalen-64anordkappláhppilahppialstahaugsiljanverranrøykenroykenhaldenlyngenbergenhortenhønefosshonefosstroandinbeiarnvarggatosoyroosøyrotromsoidrettmuosatbievatruovatloabatvoagattynsetnessetxn--indery-fyaskánitskanitraholtråholtxn--ystre-slidre-ujbandebusarpsborgbearduxn--karlsy-fyahordalandjorpelandjørpelanddeatnuringsakersør-odalsor-odalxn--slt-elabringerikeaudnedalnittedalnissedalhemsedalslattumsurnadalxn--blt-elabelverumstjørdalnaustdalhjartdalgjøvikfyresdalhasviknarviklarvikgjovikmalvikgamviklenvikporsgrunnstjordalengerdaldrobakdrøbakxn--msy-ula0hvestvagoyxn--vgan-qoaxn--ryken-vuaxn--lten-graxn--stfold-9xaxn--hpmir-xqaxn--lury-iramálatvuopmimalatvuopmitysværkirkenesbirkenesmoskenesbáidárxn--fjord-lraxn--rdal-poabahcavuotnabáhcavuotnaxn--frde-gralindåsbearalvahkixn--hobl-iraráhkkerávjuxn--loabt-0qavågåáltábodøsundlundraderådeetnetimeholeauregrueoddavagavegaranatanaarnasolasulaaltalekafusavangbergkvamåmliamlibokntinnroangranosenoslobodorøstroststatåmotamotivguprivøyeroyerliermossvossxn--nvuotna-hwalusterlunnermarkerhábmerhabmerhvalerfjalerxn--rholt-mratysvarbaidarfitjargaularhápmirhapmirmelhusfosnesøksnesoksnestysneshemnesevenesflesbergeidsbergtonsbergtønsberglindasxn--sndre-land-0cbnamsosxn--srum-graøystre-slidreoystre-slidrevestre-slidretrondheimbalestrandxn--langevg-jxaaustrheimxn--skjk-soavagsoyaveroysandoykarmoyfinnoytranoyvestbytranbysykkylvenxn--hyanger-q1aspjelkavikandasuoloxn--fl-ziaxn--drbak-wuastathellexn--sr-varanger-ggbtelemarkxn--bhcavuotna-s4axn--porsgu-sta26fčáhcesuolocahcesuoloakrehamnåkrehamnsandøykarmøyfinnøytranøyvågsøyaverøynamdalseidxn--lesund-huabadaddjaxn--vegrshei-c0axn--btsfjord-9zagildeskålporsanguxn--trgstad-r1anávuotnanavuotnahammerfestxn--sgne-graxn--brnny-wuacibestadharstadnarviikaevenáššivestnesgjemnessandnesagdenesrennesoyxn--avery-yuaxn--tysvr-vrabearalváhkikongsbergspydebergrandabergxn--andy-iradavvesiidaxn--krdsherad-m8aporsáŋgufredrikstadbjerkreimringeburennebuaurskog-holandnotteroyxn--vgsy-qoa0jxn--rmskog-byaskierváivelandbyglandfrolandaurlandforsandxn--bjddar-ptamidsundålesundalesundfetsundfarsundovre-eikerøvre-eikerakershusxn--moreke-juasørfoldøstfoldostfoldsorfoldhøyangerhoyangerlevangerorkangertanangerxn--vestvgy-ixa6olillesandulsteinxn--rennesy-v1agranvinskjervoyxn--klbu-woalavagisxn--h-2faxn--ryrvik-byakafjordkåfjordseljordfolkebiblxn--gjvik-wuajevnakerxn--kfjord-iuabudejjuxn--kranghke-b0axn--davvenjrga-y4axn--rland-uuaxn--ldingen-q1axn--mlselv-iuaxn--rady-iraxn--linds-prabrumunddalxn--ygarden-p1amo-i-ranaeidskogrømskogromskoghjelmelandxn--finny-yuaxn--sr-odal-q1axn--skjervy-v1aballangenkvanangenkvænangengratangenxn--hmmrfeasta-s4acvossevangensuohkanxn--rde-ulaxn--mli-tlaxn--ksnes-uuanordlandskanlandskånlandsortlandfuoiskuxn--rros-graxn--hcesuolo-7ya35bxn--eveni-0qa01gagaivuotnagáivuotnaxn--seral-lradrammenmodalenmosjoenjan-mayentorskensteigengloppenxn--snes-poamatta-varjjatxn--sr-fron-q1aomasvuotnajessheimbådåddjåxn--krager-gyaxn--kvfjord-nxaxn--asky-iraxn--snase-nraxn--bidr-5nacholtålenxn--vads-jraxn--jlster-byamosjøenxn--rst-0nastavernxn--ostery-fyaxn--oppegrd-ixaxn--sknit-yqaxn--risa-5naoppegårdskiptvetrendalenholtalenxn--mot-tlaxn--lhppi-xqaxn--holtlen-hxaxn--srreisa-q1akopervikxn--muost-0qaxn--bmlo-grahokksundkvalsundegersundxn--karmy-yuaullensakerxn--hylandet-54axn--kvitsy-fyaxn--bod-2nalangevågberlevågkristiansandxn--rsta-frahornindalstjørdalshalsenstjordalshalsensandnessjoenhámmárfeastaxn--lrdal-srasør-fronsor-fronnord-odalkristiansundmátta-várjjatvestvågøynesoddennotoddenbuskerudøygardenoygardensalangenlavangenralingenrælingenlodingenlødingenleaŋgaviikalaakesvuemieleangaviikauenorgexn--srfold-byaaskvollxn--rskog-uuaxn--nry-yla5gxn--vry-yla5ghammarfeastaxn--rhkkervju-01afxn--givuotna-8yakommunekrokstadelvanedre-eikerhagebostadhægebostadxn--berlevg-jxakviteseidxn--s-1faxn--l-1faxn--nmesjevuemie-tcbafuosskomoårekemoarekexn--lt-liacxn--jrpeland-54asvalbardoppegardholmestrandtvedestrandsogndalsokndalarendalsunndalfolldalxn--krjohka-hwab49jlyngdaletnedalnorddalsaltdalgausdalskedsmovaksdalgjesdalstordalxn--frya-hraaarbortedrangedalxn--smna-graaurskog-hølandxn--vg-yiabtjeldsundhaugesundlindesnesxn--mre-og-romsdal-qqbxn--dnna-gradyntmpheremerseineshacknetenterprisecloudmineaccomaorimāoriorgmilcriiwigennetschoolhealthkiwigovtgeekxn--mori-qsacloudnsparliamentcomedorgcompronetedugovmuseumwebsitekinservicebarsywebsitebuildereerobookheimdnsleapcelleero-stagetechcrscsslorigingohomecdbedeeeiemesecabgngilnlalplchfisiincnnoroptatitmtltruauhulumkdkukskjplvtrgrfrkrhrusesismycynzcznetinteduassoososcloudstgbetaaezaeuhkusjswzhatenadiarycdn77hoptozaptois-a-knightmyftpno-ipjpnddnssdpdnsspdnsbarsysweetpepperis-a-bruinsfanis-very-sweetservegameis-a-soxfanhomelinuxcdn77-secureservebbsmisconfusedwebredirectblogsitefreedesktopcouchpotatofriestoolforgeaccesscamis-lostreadmyblogsmall-webfedorapeopleserveftpis-a-celticsfanmywirepotagertwmailin-dslsellsyourhomeread-booksfreeddnscable-modemis-savednflfanufcfanmlbfanstuff-4-saleendoftheinternetin-vpnmy-firewallhomeftpis-localis-a-chefboldlygoingnowherewebhopselfipkicks-assroxatunkcamdvrfedoraprojectgotdnsdvrdnsdyndnspubtlspimientahomeunixdontexistfedorainfracloudwmflabsfspagesbmoattachmentsteckidsfamilydsdnsaliasdynaliasnow-dnscloudnsdoomdnsduckdnsblogdnshomednsroutingthecloudendofinternetdsmynasip-dynamicpoivronhttpbinmyfirewallis-very-evilmysecuritycamerais-a-linux-userwmcloudis-a-geektuxfamilyis-a-candidatedoesntexistis-very-badhobby-sitegame-hostaltervistais-foundis-a-patsfandnsdojohepforgepodzonedynservcollegefanis-very-goodfrom-meis-very-niceisa-geeknerdpolacmedsldingorgcomnomgobabonetedugintapleskaemhlxmyboxrockyprvcydeuxfleurssolidresvibekitprodomgspdnscodebergheyflowstatichostlinkyhostmymagicorgmilcomnomgobneteduorgcomeduiorgmilcomngonetedugovcloudns1337ngrokacorggogfamcomwebgobnetedugokgopgkpgovgosbizpasaugumicsopozpapuwmwsrprusiskwpspkppspkmpspokeoiawsawifoumsdnskokwpmuppuppsppiwwiwoowuzswkzoschrzpisdnwzmiuwwitdpssewsseumigugimoirmpinbwinbwiihupporzgwgriwupowwskrwioswuozstarostwokonsulattmpccopruszkowmyspreadshopostrodakartuzyopolegminamediaustkazgorajgoraolawailawalomzawloclradombytomjaworznotargilubinkoninzagantorunkutnokepnonakloczestsopotsanokturekplockslasksklepzarowlukowmedaidgdaorgmilrelcomnomatmgsmartneteduelkgovwawsossexbiztgorysejnytychypomorzeboleslawiechomesklepsdscloudunicloudzakopanelegnicarawa-mazbydgoszczswidnikkrasnikwloclawekbielawamragowograjeworealestatebeskidykaszubymalopolskaprzeworskswiebodzinlecznadfirmaszkolawarmiagdyniamiastakazimierz-dolnymalborkswidnicadlugolekaostrolekapodlasieelblagtravelsimplesitezachpomormielecszczecinnieruchomosciwalbrzychlezajsklublinbedzinpoznanwielunmielnooleckostarachowicedkontopowiatwroclawrybniksuwalkileborkslupskgdanskostrowwlkptarnobrzegtourismwegrowkrakowglogowyou2pilanysamailwrocinfoagroautobeepshoppriviqhslapypiszlodzcfolksecommerce-shopmazurypulawyskoczowrzeszowpomorskiezgierzkaliszolkuszlowiczostrowiecsosnowiecmazowszewodzislawbialowiezazgorzeleckatowicepabianicejelenia-gorawolominkarpaczsieradznowarudaczeladzkonskowolaskierniewiceswinoujscieturystykabieszczadycieszynketrzynolsztynbialystokbabia-goraprochowicewarszawastalowa-wolapolkowicegorlicegliwiceponiatowalimanowalubartowaugustowkobierzyceopocznognieznoszczytnokolobrzegshoparenapodhalebielskoklodzkostargardcoshipatwithplayitownnamecoorgnetedugovacorgcomproestnetedugovbiznameislaprofinfoprodrechtngrokmedaaaacacpaenglawjurbarenterbarsykeeneticavocatacctcloudnsorgcomsecplonetedugov123paginaweborgcomnetintedugovnomepublidkinbarsygovx443cloudnsorgmilcomnetedugovcooporgmilcomschnetedugovnamecomcannetlibassoaemclantmcontstoreorgcomnomrecwwwbarsyfirminfoshopartsv6stackitmyddnswebspacelima-cityacincooxorgedugovbarsybrendlyhbvpsvpsspectrumlandinghostingacppmordoviamcprecbgorgmilcomspbnetintedumsknovgovbirrasmcdirmytismircloudvladimirnalchikadygeyamarinepyatigorskmyjinobashkiriaeurodirvladikavkazna4ugroznykustanaikalmykiacldmaildagestaniransmbuildcloudcanvaliaravalrwxwixdevelopmentappwritemigrationneedleverceldatabasestackitcodereplravendbsanityonporterlovableaccoorgmilnetgovcoopmedorgcompubschnetedugovservicemecomygovorggovtvmedorgcomnetedugovinfoedgfacbmlonihkutwpsryxzbdtmacfhppmyspreadshopbrandpartiorgcomfhvpress123minsidaitcouldbeworlanbibkommunalforbundfhskiopsyskomvuxkomforbnaturbruksgymnloginlineorgcomnetedugovenscaledeuusentsurgebotdaorgmilcomnetgovnowteleporthashbangbearlyplatformlovablebarsyshopwarebasehoplixbarsyonlinemsf5gitpagewawamscofigma-govcaffeinefigmacanvaceerosoltstscwputernippybarsysupportchatgptsquareomniweopensocialcpanelplaycodenotionnovecorewpsquaredpreviewjelecyonbyensrhtklivfastvpspieboxconvexmedusajsjouwwebheyflowplatformshdocsflowyloginlinemadethissourcecraftclouderaorgorgcomartedugouvunivmeorgcomnetedugovsurveysstatichfheiyumanusxs4allprojectmyfastubervibehostapp-ionosdeployagentmecoorgcomschnetedugovbizcncostoreorgmilcomneteduembaixadaconsuladokiraranohoprincipesaotomeheliohobarsystorebaseshopwaresellfyaisanityabkhaziavologdamordoviapenzalenugsochinavoiexnetspbmsknovnorth-kazakhstanashgabadkareliaarmeniageorgiavladimirnalchikivanovobukharaadygeyakhakassiakalugakrasnodarjambylaktyubinsktroitskbryanskobninskkurganazerbaijanpokrovskbashkiriatselinogradvladikavkazmurmansktulatuvamangyshlaktashkentchimkentgroznykaragandatermezarkhangelskkustanaikalmykiabalashoveast-kazakhstankaracoldagestantogliattibarsyredorgcomgobedumirenaccoorgjelasticdiscoursecleverappsschacmiincogoornetonlineshopcogoorgmilcomwebnicnetintedugovbiznametestcoorgmilcomnomnetedugovorangecloudpersoindorgcomfinnatnetgovensmincomtourismintlinfox0611orgmilcomnetedugovquickconnectvpnplusnettprequalifymeaddrmyaddrntdllwadlnctvavdrk12orgmilpolbeltelcomwebgennetedutskkepgovbbsbiznameinfocoorgmilcompronetedugovbiznameinfobetter-thanworse-thansakurafromdyndnson-the-webmymailerorgmilurlcomneteduidvgovmydnsgameclubebizmeneacsccogotvorhotelmilmobiinfovodteiflgplkmsmsbcckhincndnvncoztltmkckppzpdprvcvkvlvcrkrkscxuzchernovtsyrivneyaltaodesavolynrovnolutskltdinforgcomnetedugovbizvinnicazhitomirternopilpoltavakropyvnytskyizaporizhzhiasevastopolsebastopoluzhgoroduzhhorodkharkovkharkivvinnytsiakhmelnytskyizaporizhzhecrimeaodessazhytomyrnikolaevcherkassydonetskluganskluhanskkirovogradivano-frankivskchernivtsikrymkievkyivlvivsumyzakarpattiamykolaivcherkasychernigovkhersonchernihivdnipropetrovskdnepropetrovskkhmelnitskiyneacsccogoorusorgmilcomedugovmyspreadshopadimono-ipbarsybarsyonlinelayershiftnh-servretrosnubapicampaignservicelugaffinitylotteryweeklylotteryraffleentrygluglugsmeaccoindependent-inquestnimsitecopropymntltdorgplcschnetgovnhsbarsyindependent-commissionindependent-reviewpolicepublic-inquiryindependent-panelconnhospindependent-inquiryroyal-commissionoraclegovcloudappscck12libaws-govccphxcclibpvtparochchtrcck12libcceatonk12coglibtecgendstmusann-arborwashtenawcck12glghcck12sealibforksolympiabainbridge-islkeyporthoquiamyarrow-pointcentraliaport-townsendsequimport-ludlowrentonsilverdalebremertonredmondsheltonbellevueport-orchardport-angeleskingstonchehalisaberdeengig-harborseattlepoulsboidmdndsddemenegacalamaiavawapailalflnmdcncscohnhmihiviwiriinmntnmocoutvtctmtgunjokakwvnvprarorasmskstxwynykyazisadninsnngosrvis-bymircloudservernamepointtoenscaledland-4-salefreeddnsstuff-4-saleazure-apinoipdatabricksappscloudnsgolffanheliohostazurewebsitesgvorgmilcomgubneteducoorgcomnetd0egvorgmilcomnetedugovmydnsiacostoree12orgmilcomnomwebgobbibrectecnetintedugovraremprendefirminfoartseducok12orgcomnethidnsadidacaionioapsonlahanamhanoicamauhueorgcompronetintedugovbizbacninhtayninhhoabinhnamdinhtravinhhaiphongvinhlonghaiduongquangnamquangtrithuathienhuequangninhbacgianghaugiangquangbinhsoctrangbentrethanhphohochiminhdanangkontumhatinhkhanhhoathanhhoahealthgialailaocaiyenbaibackanngheanlonganphuyenphuthocanthodaklakdongnainameinfovinhphucdongthapkiengiangtiengiangquangngailaichaulangsonlamdongdaknonghagiangangiangcaobangbinhduongninhthuanbinhthuanbaclieuthaibinhninhbinhbinhdinhtuyenquanghungyenbaria-vungtauthainguyendienbienbinhphuocschbizputerorgcomnetedugovcloud66advisormypetsdyndnsxn--8dbq2axn--4dbgdty6cxn--5dbhl8dxn--hebda8bxn--80auxn--d1atxn--c1avgxn--o1acxn--o1achxn--90azhxn--55qx5dxn--uc0atvxn--od0algxn--wcvs22dxn--gmqw5axn--mxtq1mxn--12c1fe0brxn--h3cuzk1dixn--12co0c3b4evaxn--12cfi8ixb8lxn--o3cyx2axn--m3ch0j3axn--j1adpxn--90amcxn--90a1afxn--h1ahnxn--j1ael8bxn--h1alizxn--c1avgxn--j1aefxn--80aaa0cvacxn--41acaffeineexeopentunnelbotdashtelebitorgtmaccoagricorgmilnomwebnicngonetaltedugovlawnisschoolgrondaraccoorgmilcomschnetedugovbizinfoprg1-zeropstritonstackitlimazeropsaccoorgmilgovяспборгкоммскбизмирсамаракрымсочиакодпроргобрупрצהלממשלישובאקדמיהองค์กรธุรกิจรัฐบาลศึกษาทหารเน็ต教育網絡組織公司政府個人닷넷한국澳门新闻澳門联通家電嘉里招聘通販닷컴삼성コムგეбгрфеюadcdbdgdidmdsdtdaebedeeegeiejekemenepereseveyegabacalamanauavapaqasazacfbfafgfnfpfwftfbgcgagggegkgngmgsgpgvgtgugilmlnlalclglplsltlhmimjmkmmmomambmcmdmfmgmzmpmsmtmgbbblbsbecccacnclcmcvctcscmhkhghchbhthphshlinikifigiaibicivisikninhnmncnbngnsnpnvntnjoionomobocoaofodorosotoptstttytatbtetgtithtmtltrusuvuaucueuguhulumunufjdjbjtjsjlkmkhkfkdkcktkukskpkgpmpnpkpjpgqaqmqiqsvtvcvbvmvlvrwpwtwzwbwcwawgwkwmwtrsrprgrfrercrbrarnrmrlrkrirhrwsusrssspsgsesbsaslsmsissxmxaxcxuypysylymykygybycyuztzsznzmzkzdzczbzazελευ世界台灣购物公益点看臺灣网络書籍在线网站手机机构大拿游戏信息台湾谷歌慈善商标香港中国餐厅网址中國商城食品微博政务移动集团公司八卦商店健康网店政府时尚佛山中信娱乐广东企业homedepotengineeringاماراتrepublicankuokgroupversicherungchannelcitadelxn--pgbs0dhxn--b4w605ferdstatebankwebsitexn--mgb9awbf亚马逊淡马锡alibabaxn--ngbc5azdxn--mgbbh1axn--45br5cyltoshibabuildworldcloudtradeguideplacespacedancemoviephoneprimesmilebiblestyleappleazurestoreskypegripexn--l1accdrivelottehorsehouseleasechasereisestadahondaomegaaetnaamicaninjanokiamediadeltavodkaedekaosakapizzaslingemailgmailtirolshelltmallfinallegaltotalhotelamfamforumrehabmusicciticricohcoachwatchboschearthfaithirishmiamiarchidubaiguccipraxiみんなストアセールcanonsalononionnikonepsonkoelngreensevencrownikanoradioaudioweiboglobopromogalloyahoociscorodeovideomangobingotokyovolvolottokyotophotosmartsportquesttrusthyattjetztadultcymrubaidutushuxn--kprw13dubankclickblackmerckgroupsharpcheapnowtvxn--h2brj9cקוםհայоргсрбмонкомбелмкдқазрусукрمصرقطرعربكومdadcfdmedwedredphdthdbidpidkrdmsdltdiceonewmeglemoerwecfageacbanbambaaaammakianraspacpaaxawtfbcgaegongingaigvigorgdogdhlmilrilonlaolloluoljllcalgalnflafltelsrlfrllplkimibmcamcombommomifmabbjcbscbwebcabnabtabmlbpubabcbbcnecincpncllcstcwtcpwcnyckfhbzhovhmoiskiobisbitcifyituipinvinwinxincbnbcnmanfangdnmenrenkpnmtnyunrunfununobiojioriohbogmofooboooooacoecoceongoproartistottnttbbtcateatlatvetpetbetnethktmitfitintjothotgotdotbotprueduicujnjyouinknhktdkappsapgapmapdnptopgopllpjmpzipvipripesqtrvdtvitvdevmovgovhivnrwlawsewnewbmwwownowhowdvrftrmtrsfrbarcartvscrseusawsupsubssbsadsddsldssasbmsmlsxxxboxfoxgmxtjxsextaxbuyflydiysoyjoyskypaydaygayxyzanzbizwebersenerpokerlameractortatarsolarລາວคอมไทยtourslocusnexuslexusgiftsbeatsboatspartspressglassswissकॉमनेटtiresgivescodeshomesgamestunesshoescardswalesloansvegastoolsdealsautosparisファッションworkssucksrocksxeroxforexfedexpartylillymoneystudyrugbytoraytoday中文网xn--unup4y天主教飞利浦新加坡enterprises我爱你嘉里大酒店christmasxn--fct429kholdingsxn--8y0a063axn--mgbx4cd0ablifestyleabogadoallstatenetbankكاثوليكxn--s9brj9cxn--gk3at1ebestbuycharityxn--55qx5dmicrosoftpropertybasketballhomegoodscorsicajewelrygallerygrocerysurgerycountrybrusselsverisignferreroxn--czr694bhdfcbankcommbanksoftbankپاكستانپاکستانnextdirectالسعوديهالعليانxn--h2brj9c8cxn--80adxhksshikshaxn--mgbai9azgqp6jcuisinellabarclayscatholicxn--kpry57dcompanyxn--xhq521bblackfridayxn--mgba3a3ejtsandvikxn--d1acj3bacademydownloadمليسياxn--j1amhxn--w4r85el8fhu5dnraipirangaathletaxn--fhbeixn--mgbqly7cvafrzuerichxn--c2br7gஇலங்கைcontractorsxn--io0a7igraphicsinsurancetemasekxn--xkc2al3hye2amotorcyclesphotographydirectoryplumbingxn--vhquvclothingtrainingcleaningwilliamhilllightingxn--mgba3a4f16ashoppingcateringeducationokinawapicturesventuresproductionsxn--9et52uwalmartഭാരതംsupportrealestatecapitalonexn--nqv7fs00emaauspostfloristdentistxn--qxamgodaddybradescobargainsmitsubishikerryhotelsxn--9dbq2axn--3pxu8kimmobilienxn--fjq720axn--mgbtx2bholidaymckinseymadridbusinessbuildersxn--4gbrimмоскваالسعودیةcoffeedegreelacaixapartnersalsaceofficeabbvievoyageorangegeorgeonlinechromemobilekindlegoogleoraclecircleschulesecureinsurexn--mgba7c0bbn0aestatexn--mgbc0a9azcgcruisehangoutxn--vuq861bxn--42c2d9arexrothfirestoneuniversityxn--nnx388alifeinsuranceextraspaceонлайнvermögensberatersoftwarexn--fiqs8sxn--mgbab2bdxn--w4rs40ltiendaभारतम्africatoyotaotsukasakuracameracreditcardnagoyaconsultingnetworktheatermonsterprogressivepioneerxn--55qw42gracingdatingvotingvikinglivinggivingxn--bck1b9a5dre4cbrotherweatherjoburgفلسطينlplfinancialxn--clchc0ea0b2g2a9gcdfutbolschoolsocialglobaldentalwoodsidechanelairtelmatteltravelrealtorwebcamstreamభారత్unicomalstomxn--nodexn--6frz82gmuseumfurniturexn--rvc1e0am3exn--mix891faccenturexn--11b4c3dismailineustardiscountquebeccomsecclinicservicesxn--y9a3aqxn--c1avgswatchchurchsearchالاردنmarketingcontacthealthmonashshoujisanofitaipeiamericanexpresssuzukiアマゾンクラウドポイントbhartiグーグルxn--mgberp4a5d4armemorialxn--1qqw23alondonmormoninstitutevisionbostonnortoncouponmaisonamazonvirginberlindesigndurbanolayannissananquanxihuanhitachikaufengardenreisenbayerntechnologydatsunxn--90a3aclatinocasinostudiophysioxn--ngbe9e0apharmacytattootaobaoaramcoexpertreportabbottdirectselectimamatfairwindspictettargetmarketintuittravelersinsurancecreditdupontryukyusuppliesxn--tckwebnpparibasschmidtmerckmsdyodobashirestaurantbridgestonecricketxn--fpcrj9c3dbostikbroadwayattorneylefrakemerckxn--fiq228c5hscareersfarmerswinnersflowersxn--wgbh1cguitarsxn--54b7fta0ccxn--p1acfmakeupgalluplandroverxn--kcrx77d1x4agoldpointbauhausxn--mgbayh7gpahiphopplaystationxn--mgba3a4fraxn--eckvdtc9dhyundaixn--gckr3f0fistanbulticketsmarketsflightschintaireviewsxn--3e0b707ewindowsxn--fiqz9sfinancialxn--fzys8d69uvgmابوظبيdiscoverreviewবাংলাxn--5su34j936bgsgmoscowobserverapartmentsдетиارامكوсайтeurovisionxn--i1b6b1a6a2exn--xkc2dl3a5ee0hتونسموقعبارتڀارتشبكةعمانبيتكعراقreadkredbondlandbandfundfoodprodgoldfordtubecafesafelifeggeeieeefreefagepagegugezonewinememenamegamesaleablebikenikelikecarecbreherefiresaveloveliveblueartedatesitevotecaseluxebofamodaltdaasdatiaayogasinavanashiaasiajavabbvatevavivadatazaraarpacasavisasncfprofmaifsurfgolfdvagsongbingpingwangkpmggoogblogpohlfailcooldellcalldeallidlsarlfilmteamroomfarmimdbarabclubhdfcicbchsbcgmbhrichtechfishdishcashminiernikddiaudiwikimobitaxicitikiwidesiqponskinloanakdnwienopenporncerntownimmolimoolloinfonicofidolegosaxozeroaerovivoautovotomotofastbestresthostpostnextlgbtchatseatgiftmeetdietreitmintrentgentspotscotguruitausohumenucyoubanklinkpinkdclktalksilkbookseekworkrsvpaarpjeepshopcoophelpcamppccwshowbeerstarruhrflirweirhaircarsparsjprshausplusnewstipstoysjobskidsfanspicsdocsxboxamexsexynavycitysonyarmyallybabyplaydeliverybuzzgbizlamborghiniphilipsලංකාಭಾರತfitnessexpresslanxesspfizercenterwalterlawyersoccercareerkosherbrokerlockerdealerdoctorauthorxn--mgbqly7c0a67fbcvermögensberatungjaguarxn--pssy2uxn--hxt814eflickrrepairrogersairbusxn--mgbai9a5eva00beventsyachtsxn--t60b56aভাৰতভারতभारतभारोतviajeshermeshughesxn--j1aefसंगठनvillasଭାରତclaimshotelsભારતzapposphotosjuegoscondostatamotorsgratistennisਭਾਰਤtkmaxxtjmaxxschaeffleryandexxn--80aswgrealtysafetybeautyluxuryxn--3ds443gsupplyfamilyxn--o3cw4hhockeysydneyxn--90aenissayalipayenergycomputeragencyxn--rovu88b電訊盈科xn--gecrj9cstatefarmaccountantaquarelleolayangroup香格里拉xn--p1ai组织机构xn--1ck2e1bxn--mgbt3dhdschwarzموريتانياabudhabinowruzkomatsufujitsuhospitalxn--80asehdbxn--mgbtf8flxn--j6w193gxn--yfro4i67oprudentialxn--flw351ecruisescoursesrecipesxn--e1a4cferrarixn--ses554gxn--wgbl6awatchesstaplessinglesxn--mgbcpq6gpa1axn--otu796dpropertiescreditunionxn--mgbah1a3hjkrdstockholmhisamitsuالسعوديةstcgroupdomainsoriginscouponsbloombergclubmedfroganslimitedxn--80aqecdr1aexposedinternationalequipmentbarclaycardxn--q7ce6axn--mgbi4ecexpprotectionassociatesconstructionxn--cck2b3bxn--45q11candroidfoundationישראלxn--mgbca7dzdocliniqueboutiqueengineerxn--qxa6asystemsfirmdalefashionauctionxn--nqv7finfinitirentalsreliancetradingweddingfishinghostinggentingbookingcookingxn--3hcrj9cgraingerxn--czrs0tdemocratsamsungyokohamaxn--h2breg3evexn--nyqy26alundbeckmelbournevacationssolutionsfrontierxn--vermgensberatung-pwbmanagementxn--cg4bkixn--mgb2ddeslincolnhamburgsandvikcoromantblockbusterairforcebarefootxn--4dbrk0ceinvestmentsfeedbackcommunityxn--ngbrxالبحرينdiamondsamsterdamhealthcareredumbrellaxn--mxtq1mxn--2scrj9cagakhanxn--mgbpl2fhкатоликcaravanசிங்கப்பூர்richardlimortgageamericanfamilyxn--fzc2c9e2cscholarshipssaarlandxn--imr513nvlaanderensamsclubgoodyearkitchenஇந்தியாweatherchannelallfinanzxn--kput3iالسعودیۃxn--90aisxn--efvy88hالجزائرxn--mgbaam7a8hexchangejpmorganxn--tiq49xqyjfidelitysecurityxn--mk1bu44cwanggouxn--fiq64bxn--6qq986b3xlxn--mgbbh1a71exn--80ao21amarshallsxn--5tzm5gtravelerspanasoniclatrobeyoutubeaccountantsxn--rhqv96gxn--cckwcxetdanalyticsxn--ygbi2ammxبازاربھارتسوريةorganicfreseniusسورياxn--9krt00axn--qcka1pmcxn--jlq480n2rgdeloittesciencefinancexn--jvr189mxn--30rr7yhomesensehotmailbaseballfootballleclercboehringerxn--q9jyb4cxn--mix082fاليمنهمراهpolitieسودانايرانایرانnetflixyamaxunxn--lgbbat1ad8jcollegestoragecapetowncolognekerrypropertiesxn--mgbgu82axn--ogbpf8flxn--czru2dwhoswhociprianilasallexn--g2xx48cforsalebanamexaudiblexn--vermgensberater-ctbxn--zfr164bericssonvanguardxn--45brj9cindustriestheatremarriottxn--3bst00mcomparexn--mgberp4a5d4a87gcapitaldigitalالمغربbarcelonashangrilaxn--d1alfcalvinkleinwwwcitysapporokawasakinagoyasendaikobekitakyushuyokohamackjp";
const rulesRoot = 664;
const exceptionsRoot = 668;

// NOTE: kept (intentionally) near-identical to packages/tldts-icann/src/suffix-trie.ts.
// They are separate copies rather than a shared helper because the lookup is
// only fast when the typed arrays are module-scope monomorphic globals —
// closing over them (a shared factory) measured ~20% slower. The ICANN build
// also specializes (constant mask, no isIcann/isPrivate). Keep the two in sync.
// `edgeOffset` (where each label starts in `labelText`), `edgeHash` (djb2 of
// each label) and `wildcardEdge` (each node's '*' edge, or -1) are derived once
// at load instead of being shipped: the bundle then carries only the
// compressible `labelText` + structure, while the lookup binary-searches
// integer hashes. The cost is a single ~1ms pass at first import — cheaper than
// the object trie it replaces. Kept at module scope (not captured in a closure)
// so V8 treats the typed arrays as fast monomorphic globals.
const numberOfNodes = nodeFlags.length;
const numberOfEdges = edgeLength.length;
const edgeOffset = new Uint32Array(numberOfEdges);
const edgeHash = new Uint32Array(numberOfEdges);
const wildcardEdge = new Int32Array(numberOfNodes).fill(-1);
for (let node = 0, offset = 0; node < numberOfNodes; node += 1) {
    for (let edge = edgeStart[node]; edge < edgeStart[node + 1]; edge += 1) {
        edgeOffset[edge] = offset;
        const end = offset + edgeLength[edge];
        let hash = 5381;
        for (let i = end - 1; i >= offset; i -= 1) {
            hash = (hash * 33) ^ labelText.charCodeAt(i);
        }
        edgeHash[edge] = hash >>> 0;
        if (edgeLength[edge] === 1 &&
            labelText.charCodeAt(offset) === 42 /* '*' */) {
            wildcardEdge[node] = edge;
        }
        offset = end;
    }
}
// Result of the last `walk`, kept in module scope to avoid allocating a match
// object. Safe because lookups are synchronous and read right after `walk`.
let matchNode = -1;
let matchStart = 0;
let matchEnd = 0;
/**
 * True if edge `edge`'s label equals `hostname[start, start + length)`.
 */
function labelEquals(edge, hostname, start, length) {
    if (edgeLength[edge] !== length) {
        return false;
    }
    const offset = edgeOffset[edge];
    for (let i = 0; i < length; i += 1) {
        if (labelText.charCodeAt(offset + i) !== hostname.charCodeAt(start + i)) {
            return false;
        }
    }
    return true;
}
/**
 * Find the child edge of `node` whose label is `hostname[start, start + length)`.
 * Edges are sorted by hash, so binary-search the hash then verify the label
 * (scanning the rare run of equal hashes). Returns the edge index or -1.
 */
function findEdge(node, hash, hostname, start, length) {
    let lo = edgeStart[node];
    let hi = edgeStart[node + 1];
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const value = edgeHash[mid];
        if (value < hash) {
            lo = mid + 1;
        }
        else if (value > hash) {
            hi = mid;
        }
        else {
            for (let e = mid; e >= lo && edgeHash[e] === hash; e -= 1) {
                if (labelEquals(e, hostname, start, length))
                    return e;
            }
            for (let e = mid + 1; e < hi && edgeHash[e] === hash; e += 1) {
                if (labelEquals(e, hostname, start, length))
                    return e;
            }
            return -1;
        }
    }
    return -1;
}
/**
 * Walk `hostname`'s labels right-to-left from `root`, recording the deepest
 * node whose flag passes `allowedMask` (with the label boundaries of that match
 * in `matchStart`/`matchEnd`). Returns whether any match was found.
 * An empty label (leading dot or `..`) never matches a `*` edge.
 */
function walk(hostname, root, allowedMask) {
    let node = root;
    let end = hostname.length;
    let hash = 5381;
    matchNode = -1;
    for (let i = hostname.length - 1; i >= 0; i -= 1) {
        const code = hostname.charCodeAt(i);
        if (code === 46 /* '.' */) {
            const start = i + 1;
            let edge = findEdge(node, hash >>> 0, hostname, start, end - start);
            if (edge === -1 && end !== start) {
                edge = wildcardEdge[node];
            }
            if (edge === -1) {
                return matchNode !== -1;
            }
            node = edgeChild[edge];
            if ((nodeFlags[node] & allowedMask) !== 0) {
                matchNode = node;
                matchStart = start;
                matchEnd = end;
            }
            end = i;
            hash = 5381;
        }
        else {
            hash = (hash * 33) ^ code;
        }
    }
    // Left-most label: hostname[0, end). Same find/descend/record as the loop —
    // duplicated rather than folded into the loop (via `i >= -1`) because that
    // extra per-character branch measured slightly slower on the hot path.
    let edge = findEdge(node, hash >>> 0, hostname, 0, end);
    if (edge === -1 && end !== 0) {
        edge = wildcardEdge[node];
    }
    if (edge !== -1) {
        node = edgeChild[edge];
        if ((nodeFlags[node] & allowedMask) !== 0) {
            matchNode = node;
            matchStart = 0;
            matchEnd = end;
        }
    }
    return matchNode !== -1;
}
/**
 * Check if `hostname` has a valid public suffix in the trie.
 */
function suffixLookup(hostname, options, out) {
    if (fastPathLookup(hostname, options, out)) {
        return false;
    }
    const allowedMask = (options.allowPrivateDomains ? 2 /* RULE_TYPE.PRIVATE */ : 0) |
        (options.allowIcannDomains ? 1 /* RULE_TYPE.ICANN */ : 0);
    // Exceptions have priority and strip their own left-most label (e.g. the
    // rule '!www.ck' makes the suffix of 'www.ck' be 'ck').
    if (walk(hostname, exceptionsRoot, allowedMask)) {
        out.isIcann = (nodeFlags[matchNode] & 1 /* RULE_TYPE.ICANN */) !== 0;
        out.isPrivate = (nodeFlags[matchNode] & 2 /* RULE_TYPE.PRIVATE */) !== 0;
        out.publicSuffix = hostname.slice(matchEnd + 1);
        return true;
    }
    if (walk(hostname, rulesRoot, allowedMask)) {
        out.isIcann = (nodeFlags[matchNode] & 1 /* RULE_TYPE.ICANN */) !== 0;
        out.isPrivate = (nodeFlags[matchNode] & 2 /* RULE_TYPE.PRIVATE */) !== 0;
        out.publicSuffix = hostname.slice(matchStart);
        return false;
    }
    // No match: the prevailing '*' rule makes the right-most label the suffix.
    out.isIcann = false;
    out.isPrivate = false;
    const lastDot = hostname.lastIndexOf('.');
    out.publicSuffix = lastDot === -1 ? hostname : hostname.slice(lastDot + 1);
    return false;
}

// For all methods but 'parse', it does not make sense to allocate an object
// every single time to only return the value of a specific attribute. To avoid
// this un-necessary allocation, we use a global object which is re-used.
const RESULT = getEmptyResult();
function parse(url, options) {
    return parseImpl(url, 5 /* FLAG.ALL */, suffixLookup, options, getEmptyResult());
}
function getDomain(url, options) {
    /*@__INLINE__*/ resetResult(RESULT);
    return parseImpl(url, 3 /* FLAG.DOMAIN */, suffixLookup, options, RESULT).domain;
}

/**
 * Domain presets: named groups usable as `@name` in allow-domains. The one place they are
 * kept; every entry says why it is needed, goes through the same validator as user input
 * (so none can be a public suffix or an over-broad wildcard), and docs/presets.md is
 * generated from this file. Keep each list to what the tool needs to work, nothing more.
 */
const PRESETS = {
    github: {
        summary: 'GitHub: git over HTTPS, the API, archives, raw files and release downloads',
        entries: [
            { domain: 'github.com', why: 'git clone/fetch/push over HTTPS and the web UI' },
            { domain: 'api.github.com', why: 'REST and GraphQL API (gh, Octokit, agents)' },
            { domain: 'codeload.github.com', why: 'source archives (tarball and zipball downloads)' },
            { domain: 'raw.githubusercontent.com', why: 'raw file contents' },
            {
                domain: 'objects.githubusercontent.com',
                why: 'release assets, LFS objects and archive redirects'
            },
            {
                domain: 'release-assets.githubusercontent.com',
                why: 'release asset downloads (newer redirect target)'
            }
        ]
    },
    npm: {
        summary: 'npm and Yarn package installs from the public registry',
        entries: [
            { domain: 'registry.npmjs.org', why: 'package metadata and tarballs for npm and pnpm' },
            { domain: 'registry.yarnpkg.com', why: "Yarn classic's default registry alias" }
        ]
    },
    pypi: {
        summary: 'pip, uv and Poetry installs from PyPI',
        entries: [
            { domain: 'pypi.org', why: 'the simple index and JSON API' },
            { domain: 'files.pythonhosted.org', why: 'wheel and sdist downloads' }
        ]
    },
    go: {
        summary: 'Go module downloads through the default proxy',
        entries: [
            { domain: 'proxy.golang.org', why: 'module downloads (GOPROXY default)' },
            { domain: 'sum.golang.org', why: 'checksum database (GOSUMDB default)' }
        ]
    },
    crates: {
        summary: 'Cargo installs from crates.io',
        entries: [
            { domain: 'index.crates.io', why: 'the sparse registry index' },
            { domain: 'static.crates.io', why: 'crate downloads' },
            { domain: 'crates.io', why: 'the registry API (search, download redirects)' }
        ]
    },
    maven: {
        summary: 'Maven Central (Maven, Gradle, sbt dependencies)',
        entries: [
            { domain: 'repo.maven.apache.org', why: "Maven Central, Maven's default" },
            {
                domain: 'repo1.maven.org',
                why: "Maven Central's other name, used by Gradle's mavenCentral()"
            }
        ]
    },
    gradle: {
        summary: 'Gradle wrapper distributions and the plugin portal',
        entries: [
            { domain: 'services.gradle.org', why: 'gradle-wrapper distribution downloads' },
            { domain: 'plugins.gradle.org', why: 'the plugin portal' },
            { domain: 'plugins-artifacts.gradle.org', why: 'plugin artifacts the portal redirects to' }
        ]
    },
    debian: {
        summary: 'apt on Debian',
        entries: [
            { domain: 'deb.debian.org', why: 'the Debian archive (CDN)' },
            { domain: 'security.debian.org', why: 'security updates' }
        ]
    },
    ubuntu: {
        summary: "apt on Ubuntu, including GitHub's hosted-runner mirror",
        entries: [
            {
                domain: 'archive.ubuntu.com',
                why: 'the archive, and its subdomains such as azure.archive.ubuntu.com (hosted runners)'
            },
            { domain: 'security.ubuntu.com', why: 'security updates' },
            { domain: 'ports.ubuntu.com', why: 'the archive for arm64 runners' }
        ]
    },
    anthropic: {
        summary: 'Claude Code and the Anthropic API',
        entries: [
            { domain: 'https://api.anthropic.com', why: 'the Messages API' },
            { domain: 'https://statsig.anthropic.com', why: 'feature flags Claude Code reads at start' }
        ]
    },
    openai: {
        summary: 'Codex CLI and the OpenAI API',
        entries: [{ domain: 'https://api.openai.com', why: 'the Responses and Chat APIs' }]
    },
    copilot: {
        summary: 'GitHub Copilot CLI',
        entries: [
            {
                domain: 'https://githubcopilot.com',
                why: 'the Copilot API (api.githubcopilot.com and its per-plan hosts)'
            },
            { domain: 'https://api.github.com', why: 'sign-in and Copilot token exchange' }
        ]
    },
    gemini: {
        summary: 'Gemini CLI with an API key',
        entries: [{ domain: 'https://generativelanguage.googleapis.com', why: 'the Gemini API' }]
    }
};
const PRESET_NAME = /^@([a-z][a-z0-9-]*)$/;

/**
 * Names people bring from elsewhere: the ecosystem identifiers of GitHub Agentic Workflows'
 * `network: allowed:` list, and near-misses of our own preset names. An identifier that has a
 * preset here is read as that preset (with a warning saying so: the lists differ); one that
 * has none is refused with what to do instead.
 */
/** gh-aw ecosystem identifier -> our presets (empty: we have none for it). */
const GH_AW_ECOSYSTEMS = {
    defaults: [],
    github: ['github'],
    node: ['npm'],
    python: ['pypi'],
    'python-native': ['pypi', 'crates'],
    go: ['go'],
    rust: ['crates'],
    java: ['maven', 'gradle'],
    'linux-distros': ['debian', 'ubuntu'],
    containers: [],
    dotnet: [],
    julia: [],
    ruby: [],
    terraform: [],
    playwright: []
};
/** Edits between two words, a swap of neighbours counting as one (npm / nmp). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.length][b.length];
}
/** The closest of `candidates` to `word` when it is a plausible typo (at most 2 edits). */
function closest(word, candidates) {
    let best;
    for (const name of candidates) {
        const d = editDistance(word, name);
        if (d <= Math.min(2, Math.floor(name.length / 2)) && (!best || d < best.d))
            best = { name, d };
    }
    return best?.name;
}
/**
 * What `word` (without `@`) most likely means as a preset: our own preset of that name, the
 * presets of a gh-aw identifier, or the nearest preset name. Undefined when nothing is close.
 */
function presetsMeant(word) {
    const name = word.toLowerCase();
    if (PRESETS[name])
        return [name];
    const ghAw = GH_AW_ECOSYSTEMS[name];
    if (ghAw && ghAw.length > 0)
        return ghAw;
    const near = closest(name, Object.keys(PRESETS));
    return near === undefined ? undefined : [near];
}
/** "@npm" or "@maven and @gradle". */
function presetList(names) {
    const at = names.map((n) => `@${n}`);
    return at.length <= 1 ? (at[0] ?? '') : `${at.slice(0, -1).join(', ')} and ${at.at(-1)}`;
}

/** Policy refusals: the shared input-error vocabulary (src/common/errors.ts), policy kind. */
/** Every problem of every policy source, reported together. */
class PolicyError extends InputError {
    title = 'invalid policy';
    constructor(problems) {
        super(problems);
        this.name = 'PolicyError';
    }
}

/**
 * Look-alike names: a label that mixes letters of different scripts (a Cyrillic "а" inside
 * a Latin word) reads as another name. The rule follows what browsers do for IDN display:
 * one script per label, except the combinations real languages use (Japanese mixes Han,
 * Hiragana and Katakana; Korean Han and Hangul; any of them may be written next to Latin).
 */
const SCRIPTS = [
    ['Latin', /\p{Script=Latin}/u],
    ['Greek', /\p{Script=Greek}/u],
    ['Cyrillic', /\p{Script=Cyrillic}/u],
    ['Armenian', /\p{Script=Armenian}/u],
    ['Hebrew', /\p{Script=Hebrew}/u],
    ['Arabic', /\p{Script=Arabic}/u],
    ['Devanagari', /\p{Script=Devanagari}/u],
    ['Thai', /\p{Script=Thai}/u],
    ['Georgian', /\p{Script=Georgian}/u],
    ['Cherokee', /\p{Script=Cherokee}/u],
    ['Han', /\p{Script=Han}/u],
    ['Hiragana', /\p{Script=Hiragana}/u],
    ['Katakana', /\p{Script=Katakana}/u],
    ['Hangul', /\p{Script=Hangul}/u],
    ['Bopomofo', /\p{Script=Bopomofo}/u]
];
/** Scripts that mix with each other and with Latin in ordinary East Asian names. */
const EAST_ASIAN = new Set(['Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo']);
function scriptOf(letter) {
    return SCRIPTS.find(([, re]) => re.test(letter))?.[0] ?? 'another script';
}
/** The scripts of a label's letters (digits and hyphens belong to none). */
function labelScripts(label) {
    const found = new Set();
    for (const c of label)
        if (/\p{L}/u.test(c))
            found.add(scriptOf(c));
    return found;
}
/**
 * The first label of a normalised (punycode) name that mixes scripts, in Unicode, with its
 * scripts; undefined when every label keeps to one script or an accepted combination.
 */
function mixedScriptLabel(asciiName) {
    if (!asciiName.split('.').some((l) => l.startsWith('xn--')))
        return undefined;
    for (const label of domainToUnicode(asciiName).split('.')) {
        const scripts = [...labelScripts(label)];
        if (scripts.length < 2)
            continue;
        if (scripts.every((s) => s === 'Latin' || EAST_ASIAN.has(s)))
            continue;
        return { label, scripts };
    }
    return undefined;
}

/**
 * Whole-script look-alikes: a label written wholly in Cyrillic, Greek or Armenian whose every
 * letter looks like a Latin one (`аррӏе`, five Cyrillic letters) reads as a Latin name
 * (`apple`) without mixing scripts, so the mixed-script rule (scripts.ts) does not see it.
 *
 * The table lists, per script, the lower-case letters that render like a Latin lower-case
 * letter in common fonts, each with that letter. It was written for this project from the
 * Unicode character names and glyphs, keeping the pairs that Unicode's confusables data
 * (UTS #39) also pairs, directly or through a Latin variant (α via ɑ, υ via ʋ); letters
 * that only resemble a small capital (Cyrillic к, м, т, в; Greek κ, τ) are left out, since
 * a name made of them does not read as a Latin word. Names are compared lower-cased, as IDNA
 * maps them, so capital letters never occur.
 */
/** Per script: letter -> the Latin letter it is read as. */
const LATIN_LOOKALIKES = {
    Cyrillic: {
        '\u0430': 'a', // а CYRILLIC SMALL LETTER A
        '\u0441': 'c', // с ES
        '\u0501': 'd', // ԁ KOMI DE
        '\u0435': 'e', // е IE
        '\u04bd': 'e', // ҽ ABKHASIAN CHE
        '\u0433': 'r', // г GHE
        '\u04bb': 'h', // һ SHHA
        '\u0456': 'i', // і BYELORUSSIAN-UKRAINIAN I
        '\u0458': 'j', // ј JE
        '\u04cf': 'l', // ӏ PALOCHKA
        '\u043f': 'n', // п PE (its italic and many sans forms)
        '\u043e': 'o', // о O
        '\u0440': 'p', // р ER
        '\u051b': 'q', // ԛ QA
        '\u0455': 's', // ѕ DZE
        '\u0475': 'v', // ѵ IZHITSA
        '\u051d': 'w', // ԝ WE
        '\u0461': 'w', // ѡ OMEGA
        '\u0445': 'x', // х HA
        '\u0443': 'y', // у U
        '\u04af': 'y', // ү STRAIGHT U
        '\u044c': 'b' // ь SOFT SIGN
    },
    Greek: {
        '\u03b1': 'a', // α ALPHA
        '\u03f2': 'c', // ϲ LUNATE SIGMA SYMBOL
        '\u03b3': 'y', // γ GAMMA
        '\u03b7': 'n', // η ETA
        '\u03b9': 'i', // ι IOTA
        '\u03f3': 'j', // ϳ YOT
        '\u03bd': 'v', // ν NU
        '\u03bf': 'o', // ο OMICRON
        '\u03c1': 'p', // ρ RHO
        '\u03c3': 'o', // σ SIGMA
        '\u03c5': 'u', // υ UPSILON
        '\u03c7': 'x', // χ CHI
        '\u03c9': 'w' // ω OMEGA
    },
    Armenian: {
        '\u0561': 'w', // ա AYB
        '\u0581': 'g', // ց CO
        '\u0570': 'h', // հ HO
        '\u0578': 'n', // ո VO
        '\u0585': 'o', // օ OH
        '\u0566': 'q', // զ ZA
        '\u057d': 'u' // ս SEH
    }
};
/** The Latin reading of a label wholly in one covered script, or undefined. */
function latinReading(label) {
    const scripts = [...labelScripts(label)];
    const table = scripts.length === 1 ? LATIN_LOOKALIKES[scripts[0]] : undefined;
    if (!table)
        return undefined;
    let latin = '';
    for (const c of label) {
        if (/[0-9-]/.test(c))
            latin += c;
        else if (table[c] !== undefined)
            latin += table[c];
        else
            return undefined;
    }
    return { script: scripts[0], latin };
}
/**
 * For a normalised (punycode) name: the Latin name it reads as when one or more of its labels
 * are written wholly in look-alike letters of another script; undefined otherwise.
 */
function wholeScriptLookalike(asciiName) {
    if (!asciiName.split('.').some((l) => l.startsWith('xn--')))
        return undefined;
    const unicode = domainToUnicode(asciiName);
    const readings = unicode.split('.').map(latinReading);
    if (readings.every((r) => r === undefined))
        return undefined;
    const labels = unicode.split('.');
    return {
        unicode,
        latin: labels.map((l, i) => readings[i]?.latin ?? l).join('.'),
        scripts: [...new Set(readings.flatMap((r) => (r ? [r.script] : [])))]
    };
}
/** Every character outside printable ASCII as a \u escape, so a look-alike cannot pass for Latin. */
function escapeNonAscii(text) {
    return [...text]
        .map((c) => {
        const code = c.codePointAt(0);
        if (code >= 0x20 && code < 0x7f)
            return c;
        return code > 0xffff
            ? `\\u{${code.toString(16)}}`
            : `\\u${code.toString(16).padStart(4, '0')}`;
    })
        .join('');
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
function ipv4Bytes(text) {
    return text.split('.').map(Number);
}
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
/** RFC 4291 text form: hex groups, at most one `::`, an optional dotted-quad tail; no zone. */
function isIpv6(text) {
    if (text.length > 45)
        return false;
    let head = text;
    let tailGroups = 0;
    const v4 = /^(.*:)([^:]+\.[^:]+)$/.exec(text);
    if (v4) {
        if (!IPV4.test(v4[2]))
            return false;
        head = v4[1].endsWith('::') ? v4[1] : v4[1].slice(0, -1);
        tailGroups = 2;
    }
    const halves = head.split('::');
    if (halves.length > 2)
        return false;
    const groups = (s) => (s === '' ? [] : s.split(':'));
    const all = halves.flatMap(groups);
    if (!all.every((g) => HEX_GROUP.test(g)))
        return false;
    const count = all.length + tailGroups;
    return halves.length === 2 ? count <= 7 : count === 8;
}
/** Eight 16-bit groups of an IPv6 address whose syntax isIpv6 has already checked. */
function ipv6Groups(text) {
    let head = text;
    const tail = [];
    const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
    if (v4?.[1]) {
        const b = ipv4Bytes(v4[1]);
        tail.push((b[0] << 8) | b[1], (b[2] << 8) | b[3]);
        head = text.slice(0, -v4[1].length);
        if (!head.endsWith('::'))
            head = head.slice(0, -1);
    }
    const [left = '', right] = head.split('::');
    const parse = (s) => s
        ? s
            .split(':')
            .filter(Boolean)
            .map((g) => parseInt(g, 16))
        : [];
    const l = parse(left);
    const r = right === undefined ? [] : parse(right);
    const fill = 8 - tail.length - l.length - r.length;
    return [...l, ...(right === undefined ? [] : new Array(fill).fill(0)), ...r, ...tail];
}
/** RFC 5952 text: lowercase, no leading zeros, the longest run of zero groups as `::`. */
function formatIpv6(groups) {
    let best = -1;
    let bestLen = 1;
    for (let i = 0; i < 8;) {
        if (groups[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === 0)
            j++;
        if (j - i > bestLen) {
            best = i;
            bestLen = j - i;
        }
        i = j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (best === -1)
        return hex.join(':');
    return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
/** A strict IP literal: dotted-quad IPv4 (no leading zeros, hex or short forms) or IPv6. */
function parseIpLiteral(text) {
    if (IPV4.test(text))
        return { family: 4, address: text };
    if (isIpv6(text))
        return { family: 6, address: formatIpv6(ipv6Groups(text)) };
    return undefined;
}
function bits(ip) {
    const bytes = ip.family === 4
        ? ipv4Bytes(ip.address)
        : ipv6Groups(ip.address).flatMap((g) => [g >> 8, g & 255]);
    return bytes.flatMap((b) => [7, 6, 5, 4, 3, 2, 1, 0].map((i) => (b >> i) & 1));
}
function fromBits(family, b) {
    const bytes = [];
    for (let i = 0; i < b.length; i += 8)
        bytes.push(b.slice(i, i + 8).reduce((a, x) => (a << 1) | x, 0));
    if (family === 4)
        return bytes.join('.');
    const groups = [];
    for (let i = 0; i < 16; i += 2)
        groups.push((bytes[i] << 8) | bytes[i + 1]);
    return formatIpv6(groups);
}
/** Is `ip` inside `cidr`? */
function cidrContains(cidr, ip) {
    if (cidr.family !== ip.family)
        return false;
    const a = bits({ family: cidr.family, address: cidr.address });
    const b = bits(ip);
    return a.slice(0, cidr.prefix).every((x, i) => x === b[i]);
}
const CIDR_EXPECTED = 'Give an IPv4 or IPv6 network such as 10.1.0.0/16 or fd00:1::/64, or a single address.';
function parseCidr(text, where) {
    const [addr = '', len, extra] = text.split('/');
    const ip = parseIpLiteral(addr);
    if (!ip || extra !== undefined)
        return problem(where, text, 'is not a network', CIDR_EXPECTED);
    const max = ip.family === 4 ? 32 : 128;
    if (len !== undefined && !/^(0|[1-9]\d{0,2})$/.test(len))
        return problem(where, text, 'has an invalid prefix length', `The prefix length is 0 to ${max}.`);
    const prefix = len === undefined ? max : Number(len);
    if (prefix > max)
        return problem(where, text, 'has an invalid prefix length', `The prefix length is 0 to ${max}.`);
    const minimum = ip.family === 4 ? 8 : 16;
    if (prefix < minimum)
        return problem(where, text, `is too broad (shorter than /${minimum})`, 'allow-networks opens private destinations one network at a time; name the networks you need.');
    const b = bits(ip);
    const network = fromBits(ip.family, [
        ...b.slice(0, prefix),
        ...new Array(max - prefix).fill(0)
    ]);
    if (network !== ip.address)
        return problem(where, text, 'has host bits set', `Did you mean ${network}/${prefix}?`);
    return { family: ip.family, address: network, prefix };
}
function isLoopbackStub(ip) {
    const lit = parseIpLiteral(ip);
    if (!lit)
        return false;
    return lit.family === 4 ? lit.address.startsWith('127.') : lit.address === '::1';
}
/** `nameserver` lines of a resolv.conf, valid IP literals only, in order. */
function nameserversFromResolvConf(text) {
    const servers = [];
    for (const line of text.split('\n')) {
        const m = /^\s*nameserver\s+(\S+)/.exec(line);
        const ip = m?.[1] ? parseIpLiteral(m[1]) : undefined;
        if (ip && !servers.includes(ip.address))
            servers.push(ip.address);
    }
    return servers;
}
const DNS_EXPECTED = 'Give IPv4 or IPv6 addresses of resolvers, such as 1.1.1.1 or 2606:4700:4700::1111.';
function parseDnsServer(text, where) {
    const ip = parseIpLiteral(text);
    if (!ip)
        return problem(where, text, 'is not an IP address', DNS_EXPECTED);
    if (isLoopbackStub(ip.address))
        return problem(where, text, 'is a loopback address, which the firewall’s DNS forwarder (in a container) cannot reach', 'Give the upstream resolvers themselves, or leave dns-servers empty to detect them.');
    const unusable = ip.address === '0.0.0.0' ||
        ip.address === '::' ||
        (ip.family === 4 && Number(ip.address.split('.')[0]) >= 224) ||
        (ip.family === 6 && ip.address.startsWith('ff'));
    if (unusable)
        return problem(where, text, 'is not a unicast address', DNS_EXPECTED);
    return ip.address;
}

/**
 * Addresses that need care: opening them to the command through allow-networks hands it
 * something of the runner's (its loopback, the cloud's metadata service and the credentials
 * it serves, Docker's default bridge), so they need a confirming `!`; and the private ranges
 * allow-networks exists for, which tell whether an IP literal in allow-domains could be
 * reached by name with allow-networks.
 */
const v4 = (address, prefix) => ({ family: 4, address, prefix });
const v6 = (address, prefix) => ({ family: 6, address, prefix });
/** Most specific first: a network covering several is named by the first it covers. */
const RISKY_RANGES = [
    { cidr: v4('169.254.169.254', 32), what: 'the cloud metadata service (169.254.169.254)' },
    { cidr: v4('168.63.129.16', 32), what: "Azure's wire server and metadata (168.63.129.16)" },
    { cidr: v6('fd00:ec2::254', 128), what: "AWS's IPv6 metadata service (fd00:ec2::254)" },
    { cidr: v4('127.0.0.0', 8), what: 'loopback (127.0.0.0/8)' },
    { cidr: v6('::1', 128), what: 'loopback (::1)' },
    { cidr: v4('169.254.0.0', 16), what: 'link-local addresses (169.254.0.0/16)' },
    { cidr: v6('fe80::', 10), what: 'link-local addresses (fe80::/10)' },
    { cidr: v4('172.17.0.0', 16), what: "Docker's default bridge (172.17.0.0/16)" }
];
/** Private and internal space: where allow-networks lets an allowed name resolve to. */
const PRIVATE_RANGES = [
    v4('10.0.0.0', 8),
    v4('172.16.0.0', 12),
    v4('192.168.0.0', 16),
    v4('100.64.0.0', 10),
    v6('fc00::', 7)
];
/** Do the two networks share any address? */
function cidrsOverlap(a, b) {
    if (a.family !== b.family)
        return false;
    const [wider, narrower] = a.prefix <= b.prefix ? [a, b] : [b, a];
    return cidrContains(wider, { family: narrower.family, address: narrower.address });
}
/** The first risky range the network reaches into, if any. */
function riskyRangeIn(cidr) {
    return RISKY_RANGES.find((r) => cidrsOverlap(cidr, r.cidr));
}
function addressKind(ip) {
    const asCidr = { ...ip, prefix: ip.family === 4 ? 32 : 128 };
    if (riskyRangeIn(asCidr))
        return 'risky';
    return PRIVATE_RANGES.some((r) => cidrsOverlap(r, asCidr)) ? 'private' : 'public';
}
/**
 * One allow-networks entry: a network (ip.ts) that, when it reaches into a risky range, is
 * confirmed with a trailing `!`, as a database port is in allow-host-ports.
 */
function parseAllowNetwork(text, where) {
    const confirmed = text.endsWith('!');
    const body = confirmed ? text.slice(0, -1) : text;
    const cidr = parseCidr(body, where);
    if (isProblem(cidr))
        return confirmed ? { ...cidr, value: text } : cidr;
    const risky = riskyRangeIn(cidr);
    if (risky && !confirmed)
        return problem(where, text, `reaches ${risky.what}: opening it hands the command something of the runner or of its cloud account`, `If that is intended, write it as ${body}! to confirm.`);
    if (confirmed && !risky)
        return problem(where, text, 'ends with "!", which confirms only a network reaching metadata, loopback, link-local or Docker bridge addresses', `Write it as ${body}.`);
    return risky ? { ...cidr, confirmed: risky.what } : cidr;
}
/** Would WHATWG URL parsing (which Squid and every client mirror) read this host as an IP? */
function looksLikeIp(host) {
    const labels = host.split('.');
    if (/^\d+$/.test(labels[labels.length - 1] ?? ''))
        return true;
    if (labels.every((l) => /^(0x[0-9a-f]*|\d+)$/.test(l)))
        return true;
    try {
        return /^[\d.]+$/.test(new URL(`http://${host}/`).hostname);
    }
    catch {
        return false;
    }
}
/**
 * An IP literal where a domain belongs. The proxy refuses every request to an IP address, so
 * allow-networks helps only where it works: a private address an allowed name resolves to.
 */
function ipLiteralProblem(where, raw, host) {
    const ip = parseIpLiteral(host.replace(/^\[|\]$/g, ''));
    const kind = ip ? addressKind(ip) : undefined;
    const why = 'is an IP address, and the proxy refuses every request to an IP address';
    if (kind === 'private')
        return problem(where, raw, why, `Allow the name the command uses; if that name resolves to this private address, also add ${ip.address} to allow-networks.`);
    if (kind === 'risky')
        return problem(where, raw, why, 'Allow the name the command uses instead.');
    return problem(where, raw, why, 'Allow the name the command uses instead (allow-networks opens private addresses for allowed names; it cannot open a public address).');
}

/**
 * Domain entries: parsing, normalisation and the refusals that keep anything dangerous out of
 * the rendered configs; coverage and collapsing of overlapping entries.
 */
const MAX_ENTRY = 1000;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const ENTRY_HELP = 'Give a domain such as example.com, *.example.com, https://example.com or example.com:8443.';
const BLOCK_HELP = 'Give a domain such as example.com or *.example.com.';
function accessFor(scheme, port) {
    const protocols = scheme ? [scheme] : ['http', 'https'];
    return protocols.map((protocol) => ({ protocol, port: port ?? (protocol === 'http' ? 80 : 443) }));
}
/** The normalised name, or a problem. `host` is the part between scheme/wildcard and port. */
function normaliseName(host, where, raw, help) {
    // eslint-disable-next-line no-control-regex
    if (/[\s\u0000-\u001f\u007f]/.test(host))
        return problem(where, raw, 'contains whitespace or a control character', `Put one domain per entry. ${help}`);
    let name = host.toLowerCase();
    if (name.endsWith('.'))
        name = name.slice(0, -1);
    if (/[^\x21-\x7e]/.test(name)) {
        const ascii = domainToASCII(name);
        if (!ascii)
            return problem(where, raw, 'is not a valid internationalised domain name', help);
        name = ascii;
    }
    const bad = /[^a-z0-9.-]/.exec(name);
    if (bad)
        return problem(where, raw, `contains the character ${JSON.stringify(bad[0])}`, `Domains use only letters, digits, dots and hyphens. ${help}`);
    return name;
}
function checkName(name, wildcard, where, raw, help) {
    if (name.length > 253)
        return problem(where, raw, 'is longer than 253 characters', help);
    const labels = name.split('.');
    if (labels.some((l) => l === ''))
        return problem(where, raw, 'has an empty label (two dots in a row, or a leading dot)', help);
    const badLabel = labels.find((l) => l.length > 63 || !LABEL.test(l));
    if (badLabel !== undefined)
        return problem(where, raw, `has an invalid label "${badLabel.slice(0, 70)}"`, `Labels are 1 to 63 letters, digits or inner hyphens. ${help}`);
    if (looksLikeIp(name))
        return ipLiteralProblem(where, raw, name);
    // Before the public-suffix check: `java` is a top-level domain, but meant as the preset.
    const meant = labels.length < 2 && !wildcard ? presetsMeant(name) : undefined;
    if (meant)
        return problem(where, raw, 'is a single-label name', `Did you mean the preset ${presetList(meant)}?`);
    const psl = parse(name, { allowPrivateDomains: true });
    if (psl.publicSuffix === name && (psl.isIcann || psl.isPrivate))
        return problem(where, raw, `would ${wildcard ? 'allow' : 'cover'} every name under the public suffix "${name}"`, psl.isPrivate
            ? `Names under "${name}" belong to different owners: list the hosts you need, such as ${wildcard ? `raw.${name}` : `example.${name}`}.`
            : 'Use a registrable domain such as example.com.');
    if (name === 'localhost' || name.endsWith('.localhost'))
        return problem(where, raw, 'names this machine', 'Reaching services on the runner is not done through allow-domains.');
    if (labels.length < 2)
        return problem(where, raw, 'is a single-label name', `Give a fully qualified domain. ${help}`);
    return undefined;
}
/** Why an allowed name may be a look-alike of another, or undefined. */
function lookalikeProblem(rule, raw, where) {
    const mixed = mixedScriptLabel(rule.name);
    if (mixed)
        return problem(where, raw, `mixes ${mixed.scripts.join(' and ')} letters in "${mixed.label}", so it may be a look-alike of another name`, `Check the name; if it is the one you mean, write it as ${rule.source}! to confirm.`);
    const whole = wholeScriptLookalike(rule.name);
    if (whole)
        return problem(where, raw, `is written in ${whole.scripts.join(' and ')} letters that look like Latin ones: it reads as "${whole.latin}" but is ${rule.name}`, `Check the name; if it is the one you mean, add a trailing ! to the entry to confirm it (as in ${rule.name}!).`, escapeNonAscii(quote(raw)));
    return undefined;
}
/**
 * One entry of `allow-domains` (kind 'allow') or `block-domains` (kind 'block'). An allowed
 * name that may be a look-alike of another (scripts mixed in a label, or a label wholly in
 * letters of another script that look like Latin ones) needs a confirming `!`.
 */
function parseDomainEntry(text, where, kind = 'allow') {
    const raw = text.trim();
    const confirmed = raw.endsWith('!');
    const rule = parseEntryBody(confirmed ? raw.slice(0, -1) : raw, where, kind);
    if (isProblem(rule))
        return rule;
    const lookalike = kind === 'allow' ? lookalikeProblem(rule, raw, where) : undefined;
    if (lookalike && !confirmed)
        return lookalike;
    if (confirmed && !lookalike)
        return problem(where, raw, 'ends with "!", which confirms only a look-alike name (scripts mixed in a label, or a label wholly in letters that look like Latin ones)', `Write it as ${rule.source}.`);
    return rule;
}
function parseEntryBody(text, where, kind = 'allow') {
    const help = kind === 'allow' ? ENTRY_HELP : BLOCK_HELP;
    const raw = text.trim();
    if (raw.length > MAX_ENTRY)
        return problem(where, raw, `is longer than ${MAX_ENTRY} characters`, help);
    if (raw === '')
        return problem(where, raw, 'is empty', help);
    let rest = raw;
    let scheme;
    const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
    if (schemeMatch) {
        const s = schemeMatch[1].toLowerCase();
        if (kind === 'block')
            return problem(where, raw, 'has a scheme', `A block covers every protocol and port. ${help}`);
        if (s !== 'http' && s !== 'https')
            return problem(where, raw, `uses the scheme "${s}"`, 'Only http:// and https:// are supported, or no scheme for both.');
        scheme = s;
        rest = rest.slice(schemeMatch[0].length);
    }
    if (rest.startsWith('['))
        return ipLiteralProblem(where, raw, rest.replace(/\].*$/, ']'));
    const structural = /[/?#@]/.exec(rest);
    if (structural) {
        const what = {
            '/': 'a path',
            '?': 'a query',
            '#': 'a "#" (comments need a space before them)',
            '@': 'user information'
        }[structural[0]];
        return problem(where, raw, `contains ${what}`, `Entries name a domain only. ${help}`);
    }
    let port;
    const colon = rest.indexOf(':');
    if (colon !== -1) {
        const portText = rest.slice(colon + 1);
        if (rest.indexOf(':', colon + 1) !== -1)
            return ipLiteralProblem(where, raw, rest);
        if (kind === 'block')
            return problem(where, raw, 'has a port', `A block covers every protocol and port. ${help}`);
        if (!/^[1-9]\d{0,4}$/.test(portText) || Number(portText) > 65535)
            return problem(where, raw, `has an invalid port ${quote(portText.slice(0, 20))}`, 'Ports are whole numbers from 1 to 65535, without leading zeros.');
        port = Number(portText);
        rest = rest.slice(0, colon);
    }
    let includeApex = true;
    if (rest.startsWith('*.')) {
        includeApex = false;
        rest = rest.slice(2);
    }
    if (rest.includes('*'))
        return problem(where, raw, 'uses "*" other than as the whole leftmost label', 'Write *.example.com for every subdomain of example.com.');
    const name = normaliseName(rest, where, raw, help);
    if (typeof name !== 'string')
        return name;
    const bad = checkName(name, !includeApex, where, raw, help);
    if (bad)
        return bad;
    return { name, includeApex, access: kind === 'allow' ? accessFor(scheme, port) : [], source: raw };
}
/** Does the rule match this normalised host name? */
function matchesDomain(rule, host) {
    return host === rule.name ? rule.includeApex : host.endsWith(`.${rule.name}`);
}
/** Does `a` match every name `b` matches (ignoring access)? */
function nameCovers(a, b) {
    return b.includeApex ? matchesDomain(a, b.name) : matchesDomain(a, b.name) || b.name === a.name;
}
function accessKey(x) {
    return `${x.protocol}:${x.port}`;
}
/** Does `a` match every name `b` matches, with every protocol and port `b` grants? */
function domainCovers(a, b) {
    const granted = new Set(a.access.map(accessKey));
    return nameCovers(a, b) && b.access.every((x) => granted.has(accessKey(x)));
}
function sortAccess(access) {
    const unique = new Map(access.map((x) => [accessKey(x), x]));
    return [...unique.values()].sort((x, y) => x.protocol.localeCompare(y.protocol) || x.port - y.port);
}
/** The name and every parent domain of it, nearest first: a.b.c -> a.b.c, b.c, c. */
function selfAndAncestors(name) {
    const labels = name.split('.');
    return labels.map((_, i) => labels.slice(i).join('.'));
}
/** Rules indexed by name, so "is this covered?" looks only at the name's ancestors. */
class DomainIndex {
    byName = new Map();
    constructor(rules) {
        for (const r of rules)
            this.byName.set(r.name, [...(this.byName.get(r.name) ?? []), r]);
    }
    /** The first indexed rule other than `rule` that satisfies `covers(candidate, rule)`. */
    find(rule, covers) {
        for (const name of selfAndAncestors(rule.name))
            for (const candidate of this.byName.get(name) ?? [])
                if (candidate !== rule && covers(candidate, rule))
                    return candidate;
        return undefined;
    }
}
/**
 * Merges entries naming the same thing and drops entries another entry fully covers, so that
 * no overlap ever reaches Squid. The result is the same whatever the input order.
 */
function collapseDomains(rules) {
    const merged = new Map();
    for (const r of rules) {
        const key = `${r.includeApex ? '' : '*.'}${r.name}`;
        const prev = merged.get(key);
        merged.set(key, prev
            ? { ...prev, access: sortAccess([...prev.access, ...r.access]) }
            : { ...r, access: sortAccess(r.access) });
    }
    const all = [...merged.values()];
    const index = new DomainIndex(all);
    return all
        .filter((b) => index.find(b, domainCovers) === undefined)
        .sort((x, y) => x.name < y.name ? -1 : x.name > y.name ? 1 : Number(y.includeApex) - Number(x.includeApex));
}

/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
({
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name))});

/**
 * Where a JSON text first goes wrong, as line and column. JSON.parse says "at position N" for
 * some errors and nothing for others (an unexpected token), and its message quotes the text;
 * this scanner follows the JSON grammar only to find the offset of the first bad character.
 */
const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex
const STRING = /"([^"\\\u0000-\u001f]|\\(["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;
// eslint-disable-next-line no-control-regex
const STRING_END = /["\\\u0000-\u001f]/;
class Scanner {
    text;
    pos = 0;
    constructor(text) {
        this.text = text;
    }
    match(re) {
        re.lastIndex = this.pos;
        const m = re.exec(this.text);
        if (m === null)
            return false;
        this.pos += m[0].length;
        return true;
    }
    skip() {
        this.match(WS);
    }
    eat(c) {
        this.skip();
        if (this.text[this.pos] !== c)
            return false;
        this.pos++;
        return true;
    }
    /** One value; false leaves `pos` at the first character that cannot continue it. */
    value(depth) {
        this.skip();
        const c = this.text[this.pos];
        if (depth > 512)
            return false;
        if (c === '{')
            return this.container('}', depth, true);
        if (c === '[')
            return this.container(']', depth, false);
        if (c === '"')
            return this.string();
        return this.match(NUMBER) || this.match(LITERAL);
    }
    string() {
        if (this.match(STRING))
            return true;
        // Point at the character that ends the string wrongly, not at its opening quote.
        const start = this.pos;
        this.pos++;
        while (this.pos < this.text.length && !STRING_END.test(this.text[this.pos]))
            this.pos++;
        if (this.text[this.pos] === '\\')
            this.pos++;
        if (this.pos === start)
            this.pos++;
        return false;
    }
    container(close, depth, object) {
        this.pos++;
        if (this.eat(close))
            return true;
        for (;;) {
            if (object) {
                this.skip();
                if (this.text[this.pos] !== '"' || !this.string() || !this.eat(':'))
                    return false;
            }
            if (!this.value(depth + 1))
                return false;
            if (this.eat(close))
                return true;
            if (!this.eat(','))
                return false;
        }
    }
}
/** The 1-based line and column of the first error in `text`, or undefined when it is valid. */
function jsonErrorPosition(text) {
    const s = new Scanner(text);
    const ok = s.value(0);
    if (ok) {
        s.skip();
        if (s.pos === text.length)
            return undefined;
    }
    const before = text.slice(0, s.pos);
    const line = before.split('\n').length;
    return { line, column: s.pos - before.lastIndexOf('\n') };
}

/**
 * The settings a policy file may hold, keyed by the action's input names (the CLI's flags
 * carry the same names). Declared once: the file parser, the merge of inputs over the file,
 * the lock, the JSON Schema test and the docs all read this table.
 */
const SETTING_KEYS = {
    'allow-domains': { kind: 'list', locked: 'never' },
    'block-domains': { kind: 'list', locked: 'add' },
    'allow-networks': { kind: 'list', locked: 'never' },
    'dns-servers': { kind: 'list', locked: 'never' },
    'allow-host-ports': { kind: 'list', locked: 'never' },
    /** One rule a line (`[METHODS] URL-PATTERN`): read line by line, never split at spaces. */
    'allow-urls': { kind: 'list', locked: 'never' },
    'expected-blocks': { kind: 'list', locked: 'never' },
    /** Variable names only (`NAME`, `NAME!` to mask its value); values never live in a file. */
    env: { kind: 'list', locked: 'add' },
    mode: { kind: 'value', locked: 'narrow', narrowValue: 'enforce' },
    'fail-on-blocked': { kind: 'value', locked: 'narrow', narrowValue: 'true' },
    'host-firewall': { kind: 'value', locked: 'narrow', narrowValue: 'on' },
    'agent-timeout': { kind: 'value', locked: 'unset' },
    'memory-limit': { kind: 'value', locked: 'unset' },
    'pids-limit': { kind: 'value', locked: 'unset' },
    /** How much of the blocked names the summary prints; `full` could carry data out. */
    'report-detail': { kind: 'value', locked: 'narrow', narrowValue: 'domains' },
    /**
     * Files of the runner's HOME shown read-only to the command. Inputs may add some under lock:
     * the workflow already controls what the command reads (it writes the workspace and the
     * script), and the firewall does not change.
     */
    'home-config': { kind: 'list', locked: 'add' },
    /** Where the run's subnets come from: the runner's network layout, which a locked file keeps. */
    'address-pool': { kind: 'value', locked: 'unset' },
    /** A mirror of the released images; digests pin what it serves, a locked file keeps the mirror. */
    'image-registry': { kind: 'value', locked: 'unset' },
    'upstream-proxy': {
        kind: 'value',
        locked: 'never',
        lockReason: 'an upstream proxy the file does not name would carry every allowed request'
    },
    /** The NAME of the variable holding `user:password`; never the value. */
    'upstream-proxy-auth': { kind: 'value', locked: 'unset' },
    'tls-without-sni': {
        kind: 'list',
        locked: 'never',
        lockReason: 'a tunnel without a server name reaches whatever its address serves by default'
    },
    'protect-git': {
        kind: 'value',
        locked: 'narrow',
        narrowValue: 'true',
        lockReason: 'false would let the command change .git/config, hooks and info for later steps'
    },
    'git-integrity': {
        kind: 'value',
        locked: 'narrow',
        narrowValue: 'fail',
        lockReason: 'warn would let git metadata that runs a program in a later step pass'
    }
};
/** Inputs that are not file keys but would loosen the firewall: refused when the file is locked. */
const LOCKED_INPUTS = {
    'proxy-image': 'it replaces the proxy that enforces the policy',
    'base-image': 'the proxy that enforces the policy would be built on it',
    'ca-certificates': 'its CAs would be trusted for the servers of intercepted hosts'
};
/** Every key a policy file may hold, in the order the docs list them. */
const POLICY_FILE_KEYS = ['version', 'lock', ...Object.keys(SETTING_KEYS)];
/** The keys whose values are lists (inputs and flags add to them; flags may repeat). */
const POLICY_LIST_KEYS = Object.keys(SETTING_KEYS).filter((k) => SETTING_KEYS[k].kind === 'list');
function isSettingKey(key) {
    return Object.prototype.hasOwnProperty.call(SETTING_KEYS, key);
}
function isListKey(key) {
    return SETTING_KEYS[key].kind === 'list';
}

/**
 * The policy file: YAML or JSON with the input names as keys (setting-keys.ts), plus `version`
 * and `lock`. It is an organisation's contract, so unknown keys are errors (a typo can neither
 * widen nor narrow a policy silently), and run scripts and secret values never live in it.
 */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}!?$/;
const VARIABLE$2 = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
function parseText(file) {
    const refuse = (at, why) => ({
        problem: problem(`${file.path}${at}`, '', `cannot be parsed: ${safeText(why.slice(0, 200))}`, 'Write YAML or JSON (a .json file is read as JSON).', '')
    });
    // An empty or comment-only file is an empty policy (js-yaml refuses an empty document).
    if (file.text.split(/\r?\n/).every((l) => /^\s*(#.*)?$/.test(l)))
        return {};
    if (file.path.endsWith('.json')) {
        try {
            return { doc: JSON.parse(file.text) };
        }
        catch (e) {
            // V8's message quotes the file's text and gives a position only sometimes: ours instead.
            const pos = jsonErrorPosition(file.text);
            const why = e instanceof Error ? e.message.replace(/,? ".*|(?: in JSON)? at position.*/s, '') : '';
            return refuse(pos ? `, line ${pos.line}, column ${pos.column}` : '', why || 'invalid JSON');
        }
    }
    try {
        return { doc: load(file.text, { schema: JSON_SCHEMA }) };
    }
    catch (e) {
        if (e instanceof YAMLException)
            return refuse(e.mark ? `, line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '', e.reason);
        return refuse('', String(e));
    }
}
/** JSON text of a value, bounded: long strings or structures would fill the message. */
function quoteShown(shown) {
    return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}
function versionProblem(where, value) {
    if (value === 1)
        return undefined;
    // Shown as written: a number bare, a string in quotes.
    const shown = JSON.stringify(value) ?? String(value);
    if (value === '1')
        return problem(where, shown, 'is a string', 'Write version: 1 (a number, without quotes).', shown);
    if (typeof value === 'number' && Number.isInteger(value) && value > 1)
        return problem(where, shown, 'is newer than this awf-action understands (it reads version 1)', 'Update awf-action, or write the file for version 1.', shown.slice(0, 40));
    return problem(where, shown, 'is not a policy file version', 'Write version: 1.', quoteShown(shown));
}
/** A single value (mode, limits, ...): a string, number or boolean, kept as the text an input would be. */
function scalarSource(key, value, where) {
    if (key === 'upstream-proxy-auth' && !(typeof value === 'string' && VARIABLE$2.test(value)))
        // Not echoed: a login written where the variable's name belongs is a secret.
        return problem(where, `${String(value).length} characters`, 'is not the name of a variable', 'A policy file names the variable that holds user:password; the value goes in the workflow.', `${String(value).length} characters`);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return { text: String(value), where };
    return problem(where, JSON.stringify(value) ?? String(value), 'is not a single value', `Give ${key} as one string, number or boolean, as the input takes it.`);
}
function listSources(key, value, where) {
    const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    if (!Array.isArray(value) && typeof value !== 'string')
        return [problem(where, JSON.stringify(value) ?? '', 'is not a list', 'Give a list of strings.')];
    return items.map((item, i) => {
        const at = typeof value === 'string' ? where : `${where}[${i}]`;
        // YAML reads `allow-host-ports: [3000]` as numbers.
        if (typeof item === 'number' && key === 'allow-host-ports')
            return { text: String(item), where: at };
        if (typeof item !== 'string')
            return problem(at, JSON.stringify(item) ?? String(item), 'is not a string', 'Every entry is a string.');
        if (key === 'env' && item.split(/[\s,]+/).some((n) => n !== '' && !ENV_NAME.test(n)))
            // Not echoed: a value written where a name belongs may be a secret.
            return problem(at, `${item.length} characters`, 'is not a list of variable names', 'A policy file names variables only (NAME, or NAME! to mask its value); values go in the workflow.');
        return { text: item, where: at };
    });
}
function parsePolicyFile(file) {
    const empty = { path: file.path, lock: false, settings: {} };
    const parsed = parseText(file);
    if (parsed.problem)
        return { file: empty, problems: [parsed.problem] };
    const doc = parsed.doc;
    if (doc === undefined || doc === null)
        return { file: empty, problems: [] };
    if (typeof doc !== 'object' || Array.isArray(doc))
        return {
            file: empty,
            problems: [
                problem(file.path, '', 'is not a mapping', `The top level holds the keys ${POLICY_FILE_KEYS.join(', ')}.`, '')
            ]
        };
    const problems = [];
    const settings = {};
    let lock = false;
    for (const [key, value] of Object.entries(doc)) {
        const where = `${file.path}: ${key}`;
        if (key === 'version') {
            const bad = versionProblem(where, value);
            if (bad)
                problems.push(bad);
        }
        else if (key === 'lock') {
            if (typeof value === 'boolean')
                lock = value;
            else
                problems.push(problem(where, '', 'is not true or false', 'Write lock: true or lock: false.', quoteShown(JSON.stringify(value) ?? String(value))));
        }
        else if (!isSettingKey(key)) {
            const why = key === 'run' ? 'belongs in the workflow, not in the policy' : 'is not a known key';
            problems.push(problem(file.path, key, why, `Known keys: ${POLICY_FILE_KEYS.join(', ')}.`));
        }
        else {
            const sources = isListKey(key)
                ? listSources(key, value, where)
                : [scalarSource(key, value, where)];
            settings[key] = sources.filter((s) => !isProblem(s));
            problems.push(...sources.filter(isProblem));
        }
    }
    return { file: { path: file.path, lock, settings }, problems };
}

/**
 * `allow-host-ports`: ports of the runner itself (or of `services:` containers published on
 * it) that the command may reach as host.docker.internal. Nothing on the runner is reachable
 * otherwise. Ports that usually carry a database or a remote shell need a confirming `!`.
 */
/** The name the command uses for the runner; resolved in the container's /etc/hosts. */
const HOST_ALIAS = 'host.docker.internal';
/** Reaching these would hand the command the runner itself: never opened. */
const NEVER = {
    2375: 'the Docker API',
    2376: 'the Docker API over TLS',
    2377: 'Docker swarm management',
    10250: 'the kubelet API'
};
/** Usually a database or a remote shell: opened only when confirmed with `!`. */
const SENSITIVE_HOST_PORTS = {
    22: 'SSH',
    23: 'telnet',
    1433: 'SQL Server',
    1521: 'Oracle',
    2379: 'etcd',
    3306: 'MySQL',
    3389: 'RDP',
    5432: 'PostgreSQL',
    5900: 'VNC',
    5984: 'CouchDB',
    5985: 'WinRM',
    5986: 'WinRM',
    6379: 'Redis',
    9042: 'Cassandra',
    9200: 'Elasticsearch',
    11211: 'memcached',
    27017: 'MongoDB'
};
function parseHostPort(raw, where) {
    const m = /^(\d{1,5})(!?)$/.exec(raw);
    const port = m ? Number(m[1]) : NaN;
    if (!m || !(port >= 1 && port <= 65535))
        return problem(where, raw, 'is not a port', 'Give a TCP port from 1 to 65535, such as 3000; add ! to confirm a database or shell port (5432!).');
    const never = NEVER[port];
    if (never)
        return problem(where, raw, `is refused: it commonly serves ${never}, which would hand the command the whole runner`, 'No confirmation opens it.');
    const sensitive = SENSITIVE_HOST_PORTS[port];
    if (sensitive && m[2] !== '!')
        return problem(where, raw, `is usually ${sensitive}: opening it lets the command use that service on the runner`, `If that is intended, write it as ${port}! to confirm.`);
    return { port, sensitive: sensitive !== undefined };
}

/**
 * Splits a list input: entries are separated by newlines, commas or spaces (harden-runner's
 * lists are space-separated; no entry of any list may hold whitespace). `#` starts a comment
 * when it begins the text or follows whitespace (so a `#` inside an entry stays and is refused
 * by the validator).
 */
function parseList(text) {
    const items = [];
    for (const rawLine of text.split(/\r?\n/)) {
        const comment = rawLine.search(/(^|\s)#/);
        const line = comment === -1 ? rawLine : rawLine.slice(0, comment);
        for (const item of line.split(/[,\s]+/))
            if (item)
                items.push(item);
    }
    return items;
}

const ALL_PRESETS = `Presets: ${presetList(Object.keys(PRESETS))} (see docs/presets.md).`;
function unknownPreset(entry, name) {
    const ghAw = name === undefined ? undefined : GH_AW_ECOSYSTEMS[name];
    if (ghAw?.length === 0)
        return problem(entry.where, entry.value, "is an ecosystem of GitHub Agentic Workflows' network settings that awf-action has no preset for", 'List the hosts it needs (run once with mode: audit to see them).');
    const meant = name === undefined ? undefined : presetsMeant(name);
    return problem(entry.where, entry.value, 'is not a known preset', `${meant ? `Did you mean ${presetList(meant)}? ` : ''}${ALL_PRESETS}`);
}
function expandPresets(entries, kind, problems, warnings, used) {
    return entries.flatMap((entry) => {
        if (!entry.value.startsWith('@'))
            return [entry];
        if (kind === 'block') {
            problems.push(problem(entry.where, entry.value, 'is a preset, and presets only allow', 'List the domains to block.'));
            return [];
        }
        const name = PRESET_NAME.exec(entry.value)?.[1];
        const names = name === undefined ? [] : PRESETS[name] ? [name] : (GH_AW_ECOSYSTEMS[name] ?? []);
        if (names.length === 0) {
            problems.push(unknownPreset(entry, name));
            return [];
        }
        if (names[0] !== name)
            warnings.push(`${entry.where}: @${name} (a GitHub Agentic Workflows ecosystem) is read as ${presetList(names)}; docs/presets.md lists what they allow`);
        return names.flatMap((n) => {
            const preset = PRESETS[n];
            used.set(n, { name: n, domains: preset.entries.map((e) => e.domain) });
            return preset.entries.map((e) => ({ value: e.domain, where: `${entry.where} (@${n})` }));
        });
    });
}

/**
 * URL rules (`allow-urls`): one rule a line, `[METHODS] URL-PATTERN`, such as
 * `GET,HEAD https://github.com/my-org/*`. A rule names one exact host (no wildcard, no
 * subdomains), a scheme, a port and a path in which `*` matches any run of characters within
 * the path; the query string never takes part. Everything a rule may hold is checked here so
 * that the renderer only ever escapes known characters (src/render/squid-urls.ts).
 */
const URL_METHODS = [
    'GET',
    'HEAD',
    'POST',
    'PUT',
    'PATCH',
    'DELETE',
    'OPTIONS'
];
const MAX_RULE = 1000;
const URL_RULE_FORM = 'Write one rule a line: [METHODS] URL-PATTERN, such as GET,HEAD https://example.com/org/* (METHODS: a comma-separated list of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS; none = every method).';
/**
 * RFC 3986 path characters (unreserved, sub-delimiters, `:`, `@`, `/`, percent escapes) and
 * `*` as the wildcard. No space, quote, backslash, brace, `#` or `?` can ever reach squid.conf.
 */
const PATH = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
/** A `.` or `..` segment (also percent-encoded): servers resolve it, so a rule could be escaped. */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;
function parseMethods(text, where, raw) {
    const methods = [];
    for (const m of text.split(',')) {
        const known = URL_METHODS.find((k) => k === m);
        if (known) {
            if (!methods.includes(known))
                methods.push(known);
            continue;
        }
        const upper = URL_METHODS.find((k) => k === m.toUpperCase());
        return problem(where, raw, m === '' ? 'has an empty method' : `has the method ${quote(m.slice(0, 20))}`, upper
            ? `Methods are written in capitals: ${upper}. ${URL_RULE_FORM}`
            : m.toUpperCase() === 'CONNECT'
                ? `CONNECT is not a request method a URL rule can allow. ${URL_RULE_FORM}`
                : URL_RULE_FORM);
    }
    return methods;
}
function checkPath$1(path, where, raw) {
    if (path === '')
        return problem(where, raw, 'has no path', 'Give a path after the host: /org/* for everything under /org/, /* for every path.');
    if (path.includes('?'))
        return problem(where, raw, 'contains a query', 'The query string is never part of a rule: leave it out; the rule matches any query.');
    if (path.includes('#'))
        return problem(where, raw, 'contains a fragment ("#")', URL_RULE_FORM);
    if (!PATH.test(path)) {
        const bad = [...path].find((c) => !/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]/.test(c)) ?? '%';
        return problem(where, raw, `has ${bad === '%' ? 'a "%" that is not a percent escape (%XX)' : `the character ${JSON.stringify(bad)} in its path`}`, "Paths use letters, digits, -._~!$&'()+,;=:@/, percent escapes (%2F) and * as the wildcard.");
    }
    if (DOT_SEGMENT.test(path.replace(/\*/g, 'x')))
        return problem(where, raw, 'has a "." or ".." path segment', 'Write the path as the server sees it, without dot segments.');
    return undefined;
}
/** The URL part of a rule: scheme, one exact host, optional port, and a path. */
function parseUrl(url, where, raw) {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
    if (!scheme)
        return problem(where, raw, 'has no scheme', `Start the URL with https:// or http://. ${URL_RULE_FORM}`);
    const s = scheme[1].toLowerCase();
    if (s !== 'http' && s !== 'https')
        return problem(where, raw, `uses the scheme "${s}"`, 'Only https:// and http:// URLs.');
    const rest = url.slice(scheme[0].length);
    const slash = rest.search(/[/?#]/);
    const authority = slash === -1 ? rest : rest.slice(0, slash);
    const path = slash === -1 ? '' : rest.slice(slash);
    if (authority.includes('@'))
        return problem(where, raw, 'contains user information', 'Give the host only: https://example.com/path.');
    if (authority.startsWith('*'))
        return problem(where, raw, 'has a wildcard host', 'A URL rule names one host exactly; list each host in its own rule.');
    const domain = parseDomainEntry(`${s}://${authority}`, where, 'allow');
    if (isProblem(domain))
        return domain;
    const bad = checkPath$1(path, where, raw);
    if (bad)
        return bad;
    const access = domain.access[0];
    return { protocol: access.protocol, host: domain.name, port: access.port, path };
}
/** One line of `allow-urls`. */
function parseUrlRule(text, where) {
    const raw = text.trim();
    if (raw.length > MAX_RULE)
        return problem(where, raw, `is longer than ${MAX_RULE} characters`, URL_RULE_FORM);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(raw))
        return problem(where, raw, 'contains a control character', URL_RULE_FORM);
    const parts = raw.split(/[ \t]+/);
    if (parts.length > 2)
        return problem(where, raw, 'has more than two parts', `Separate methods with commas, not spaces, and put one rule a line. ${URL_RULE_FORM}`);
    const [first = '', second] = parts;
    const methods = second === undefined ? [] : parseMethods(first, where, raw);
    if (isProblem(methods))
        return methods;
    const url = parseUrl(second ?? first, where, raw);
    if (isProblem(url))
        return url;
    return { methods, ...url, source: raw };
}
/**
 * The rules of one `allow-urls` text: a rule a line, blank lines and `#` comments (at the
 * start of a line or after a space) skipped. A `#` inside a URL stays, and is refused.
 */
function urlRuleLines(text) {
    return text
        .split(/\r?\n/)
        .map((line) => {
        const comment = line.search(/(^|\s)#/);
        return (comment === -1 ? line : line.slice(0, comment)).trim();
    })
        .filter((line) => line !== '');
}
const ruleKey = (r) => `${r.protocol}://${r.host}:${r.port}${r.path} ${[...r.methods].sort().join(',')}`;
/** Identical rules once each, in a stable order (host, port, path). */
function uniqueUrlRules(rules) {
    return [...new Map(rules.map((r) => [ruleKey(r), r])).values()].sort((a, b) => ruleKey(a) < ruleKey(b) ? -1 : ruleKey(a) > ruleKey(b) ? 1 : 0);
}
/** The hosts URL rules govern: each exact name once, sorted. */
function urlRuleHosts(rules) {
    return [...new Set(rules.map((r) => r.host))].sort();
}
/** A rule in its normalised form (`GET,HEAD https://example.com/org/*`), for check and docs. */
function urlRuleText(r) {
    const defaultPort = r.protocol === 'https' ? 443 : 80;
    const port = r.port === defaultPort ? '' : `:${r.port}`;
    const methods = r.methods.length > 0 ? `${r.methods.join(',')} ` : '';
    return `${methods}${r.protocol}://${r.host}${port}${r.path}`;
}

/**
 * Inputs (or flags) merged over the policy file, keyed by input name. Lists add: an input's
 * entries join the file's, never replace them. A single value from an input replaces the
 * file's. A locked file lets inputs only add blocks (setting-keys.ts has the rule per key).
 * Where each value came from is kept, for messages and for the summary.
 */
function lockProblem(key, value, origin, file, fromFile) {
    const spec = isSettingKey(key) ? SETTING_KEYS[key] : undefined;
    if (spec?.locked === 'add')
        return undefined;
    if (spec?.locked === 'narrow' && value === spec.narrowValue)
        return undefined;
    if (spec?.locked === 'unset' && fromFile.length === 0)
        return undefined;
    // Repeating the file's own value changes nothing.
    if (spec?.kind === 'value' && fromFile.at(-1)?.text.trim() === value)
        return undefined;
    const reason = LOCKED_INPUTS[key] ?? spec?.lockReason;
    const why = reason
        ? `is refused: the policy file is locked and ${reason}`
        : spec?.locked === 'unset'
            ? 'is refused: the policy file is locked and sets it'
            : `is refused: the policy file is locked, so ${origin === 'input' ? 'inputs' : 'flags'} may only add blocks`;
    const allowed = spec?.locked === 'narrow' ? ` (or ${key}: ${spec.narrowValue})` : '';
    return problem(inputWhere(origin, key), value, why, `${file.path} has lock: true. Change the policy file, or give only block-domains${allowed}.`);
}
/** The names in an env input, never its values: provenance is shown in the summary. */
function envNames(text) {
    return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'))
        .flatMap((line) => line.includes('=') ? [line.slice(0, line.indexOf('=')).trim()] : parseList(line));
}
function itemsOf(key, sources) {
    if (key === 'env')
        return sources.flatMap((s) => envNames(s.text));
    if (key === 'allow-urls')
        return sources.flatMap((s) => urlRuleLines(s.text));
    return SETTING_KEYS[key].kind === 'list'
        ? sources.flatMap((s) => parseList(s.text))
        : sources.map((s) => s.text.trim());
}
function mergeSettings(inputs, origin, file) {
    const problems = [];
    const sources = {};
    const keys = [];
    for (const key of Object.keys(SETTING_KEYS)) {
        const fromFile = file?.settings[key] ?? [];
        const given = inputs[key];
        const input = given !== undefined && given.trim() !== ''
            ? [{ text: key === 'env' ? given : given.trim(), where: inputWhere(origin, key) }]
            : [];
        if (file?.lock && input.length > 0) {
            const refused = lockProblem(key, input[0].text, origin, file, fromFile);
            if (refused)
                problems.push(refused);
        }
        const all = SETTING_KEYS[key].kind === 'list'
            ? [...fromFile, ...input]
            : input.length > 0
                ? input
                : fromFile;
        if (all.length === 0)
            continue;
        sources[key] = all;
        keys.push({ key, fromFile: itemsOf(key, fromFile), fromInput: itemsOf(key, input) });
    }
    if (file?.lock)
        for (const key of Object.keys(LOCKED_INPUTS)) {
            const given = inputs[key];
            if (given !== undefined && given.trim() !== '') {
                const refused = lockProblem(key, given.trim(), origin, file, []);
                if (refused)
                    problems.push(refused);
            }
        }
    return {
        settings: {
            sources,
            provenance: { file: file?.path, lock: file?.lock ?? false, origin, keys }
        },
        problems
    };
}
/** A single value's effective source: the input's when given, else the file's. */
function settingValue(settings, key) {
    return settings.sources[key]?.at(-1);
}
/**
 * Every entry of a list key, each with where it was written. `allow-urls` holds a rule a line
 * (a rule has a space in it); `env` is read line by line by its own reader.
 */
function settingEntries(settings, key) {
    const split = key === 'allow-urls' ? urlRuleLines : parseList;
    return (settings.sources[key] ?? []).flatMap(({ text, where }) => split(text).map((value) => ({ value, where })));
}

/**
 * Views of the allowed domains that more than one consumer needs (squid.conf, dnsmasq.conf,
 * the report): computed once, when the policy is built, and carried on it.
 */
/** Allowed rules grouped by the (protocol, port) they grant, in a stable order. */
function groupByAccess(rules) {
    const groups = new Map();
    for (const rule of rules)
        for (const access of rule.access) {
            const key = `${access.protocol}:${access.port}`;
            const g = groups.get(key) ?? { access, rules: [] };
            g.rules.push({ ...rule, access: [access] });
            groups.set(key, g);
        }
    return [...groups.values()]
        .sort((a, b) => a.access.protocol.localeCompare(b.access.protocol) || a.access.port - b.access.port)
        .map((g) => ({ access: g.access, rules: collapseDomains(g.rules) }));
}
function policyViews(allowDomains, allowUrls = []) {
    return {
        accessGroups: groupByAccess(allowDomains),
        allowedNames: collapseDomains(allowDomains.map((r) => ({ ...r, access: [] }))),
        urlHosts: urlRuleHosts(allowUrls)
    };
}

/** Inputs or flags, plus an optional policy file, merged and validated into one Policy. */
const MAX_ENTRIES = 10000;
const MAX_DNS_SERVERS = 8;
/** Each rule is a few ACLs Squid tests on every request to its host. */
const MAX_URL_RULES = 1000;
function collect(entries, parse, problems) {
    if (entries.length > MAX_ENTRIES) {
        const first = entries[0];
        problems.push(problem(first.where, `${entries.length} entries`, 'is too long a list', `At most ${MAX_ENTRIES} entries.`));
        return [];
    }
    const out = [];
    for (const { value, where } of entries) {
        const parsed = parse(value, where);
        if (isProblem(parsed))
            problems.push(parsed);
        else
            out.push(parsed);
    }
    return out;
}
/** Validates merged settings; `earlier` problems (file, lock) are reported with the rest. */
function buildPolicyFrom(settings, earlier = []) {
    const problems = [...earlier];
    const warnings = [];
    const entries = (key) => settingEntries(settings, key);
    const presets = new Map();
    const domains = (key, kind) => collect(expandPresets(entries(key), kind, problems, warnings, presets), (v, w) => parseDomainEntry(v, w, kind), problems);
    const allowed = domains('allow-domains', 'allow');
    const blocked = collapseDomains(domains('block-domains', 'block'));
    const allowNetworks = collect(entries('allow-networks'), parseAllowNetwork, problems);
    const dnsServers = parseDnsServers(entries('dns-servers'), problems);
    const hostPorts = collect(entries('allow-host-ports'), parseHostPort, problems);
    const urlRules = parseUrlRules(entries('allow-urls'), problems);
    const mode = parseMode(settingValue(settings, 'mode'), problems);
    if (problems.length > 0)
        throw new PolicyError(problems);
    const { allowDomains, allowUrls } = withoutBlocked(allowed, urlRules, blocked, warnings);
    if (mode === 'audit')
        warnings.push('audit mode: HTTP and HTTPS to any public domain are allowed and recorded; the summary suggests a policy');
    else if (allowDomains.length === 0 && allowUrls.length === 0)
        warnings.push('no domain is allowed: the command will have no network access at all (allow-domains is empty)');
    const policy = {
        mode,
        allowDomains,
        blockDomains: blocked,
        allowNetworks: uniqueCidrs(allowNetworks),
        dnsServers,
        presets: [...presets.values()],
        allowHostPorts: [...new Map(hostPorts.map((p) => [p.port, p])).values()].sort((a, b) => a.port - b.port),
        allowUrls,
        views: policyViews(allowDomains, allowUrls)
    };
    for (const n of policy.allowNetworks.filter((c) => c.confirmed !== undefined))
        warnings.push(`allow-networks ${n.address}/${n.prefix} reaches ${n.confirmed} (confirmed with !): the command can reach it through the proxy`);
    for (const p of policy.allowHostPorts.filter((h) => h.sensitive))
        warnings.push(`runner port ${p.port} is open to the command (confirmed with !): it usually serves a database or a remote shell`);
    return { policy: deepFreeze(policy), warnings, provenance: settings.provenance };
}
function parseDnsServers(entries, problems) {
    const dnsServers = [...new Set(collect(entries, parseDnsServer, problems))];
    if (dnsServers.length > MAX_DNS_SERVERS)
        problems.push(problem(entries[0]?.where ?? 'dns-servers', dnsServers.join(', '), 'names too many resolvers', `At most ${MAX_DNS_SERVERS}.`));
    return dnsServers;
}
function parseUrlRules(entries, problems) {
    if (entries.length > MAX_URL_RULES)
        problems.push(problem(entries[0].where, `${entries.length} rules`, 'is too long a list', `At most ${MAX_URL_RULES} rules; a pattern with * covers many paths.`));
    return collect(entries.slice(0, MAX_URL_RULES), parseUrlRule, problems);
}
/**
 * The allow entries and URL rules a block entry does not cover (each dropped one is a
 * warning), and a warning for every URL-rule host an allow-domains entry also covers.
 */
function withoutBlocked(allowed, urlRules, blocked, warnings) {
    const blockIndex = new DomainIndex(blocked);
    const allowDomains = collapseDomains(allowed).filter((rule) => {
        const blocker = blockIndex.find(rule, nameCovers);
        if (blocker)
            warnings.push(`allow entry ${quote(rule.source)} is dropped: the block entry ${quote(blocker.source)} covers it`);
        return !blocker;
    });
    const allowUrls = uniqueUrlRules(urlRules).filter((rule) => {
        const blocker = blockIndex.find(hostRule(rule), nameCovers);
        if (blocker)
            warnings.push(`allow-urls rule ${quote(rule.source)} is dropped: the block entry ${quote(blocker.source)} covers its host`);
        return !blocker;
    });
    const allowIndex = new DomainIndex(allowDomains);
    for (const host of new Set(allowUrls.map((r) => r.host))) {
        const covering = allowIndex.find(hostRule({ host, source: host }), nameCovers);
        if (covering)
            warnings.push(`allow-domains ${quote(covering.source)} covers ${host}, which allow-urls names: requests to ${host} itself pass only when a URL rule matches`);
    }
    return { allowDomains, allowUrls };
}
/** A URL rule's host as an exact-name domain rule, for coverage checks. */
function hostRule(rule) {
    return { name: rule.host, includeApex: true, access: [], source: rule.source };
}
function parseMode(chosen, problems) {
    const value = chosen?.text.trim();
    if (chosen === undefined || value === 'enforce')
        return 'enforce';
    if (value === 'audit')
        return 'audit';
    problems.push(problem(chosen.where, chosen.text, 'is not a mode', 'Use enforce (the default) or audit.'));
    return 'enforce';
}
function uniqueCidrs(cidrs) {
    return [...new Map(cidrs.map((c) => [`${c.address}/${c.prefix}`, c])).values()];
}
function deepFreeze(value) {
    if (typeof value === 'object' && value !== null) {
        for (const v of Object.values(value))
            deepFreeze(v);
        Object.freeze(value);
    }
    return value;
}
/** `expected-blocks` from merged settings: the file's entries and those inputs added. */
function parseExpectedBlocksFrom(settings) {
    return expectedBlocksFrom(settingEntries(settings, 'expected-blocks'));
}
function expectedBlocksFrom(entries) {
    const problems = [];
    const rules = collect(entries, (v, w) => parseDomainEntry(v, w, 'block'), problems);
    if (problems.length > 0)
        throw new PolicyError(problems);
    return rules;
}

/**
 * Everything one run creates is named after its run id, so teardown and the sweep of crashed
 * runs find it by name or label. The names live here and nowhere else.
 */
function newRunId() {
    return randomBytes(4).toString('hex');
}
/** Containers, networks and bridges of one run. */
const runNames = (runId) => ({
    proxy: `awf-${runId}-proxy`,
    agent: `awf-${runId}-agent`,
    canary: `awf-${runId}-canary`,
    helper: `awf-${runId}-netadmin`,
    /** Topology-only probes on a remote daemon (src/sandbox/topology-only.ts). */
    pathsProbe: `awf-${runId}-paths`,
    readyProbe: `awf-${runId}-ready`,
    inspector: `awf-${runId}-inspect`,
    internalNetwork: `awf-${runId}-int`,
    egressNetwork: `awf-${runId}-egr`,
    internalBridge: `awfi-${runId}`,
    egressBridge: `awfe-${runId}`,
    /** Prefix of the run's temporary folder (a random suffix follows). */
    workDirPrefix: `awf-${runId}-`,
    /** Default logs folder, in the temporary root. */
    logsDir: `awf-logs-${runId}`
});
/** Host chains of one run: filter FORWARD (via DOCKER-USER), INPUT, and the IPv6 chain. */
function hostChainNames$1(runId) {
    return { forward: `AWF-${runId}`, input: `AWF-${runId}-IN`, v6: `AWF-${runId}-6` };
}
/** LOG prefixes (at most 29 characters), which the report matches to attribute drops. */
function logPrefixes$1(runId) {
    return {
        hostPort: `awf-${runId}-host-port: `,
        host: `awf-${runId}-host-drop: `,
        runner: `awf-${runId}-runner-drop: `,
        ipv6: `awf-${runId}-ipv6-drop: `,
        agent: `awf-${runId}-agent-drop: `
    };
}

/**
 * Names, prefixes and value checks shared by every renderer. Values reaching a rendered file
 * are checked here once more, so a bug upstream cannot turn into config injection.
 */
const PROXY_CONFIG_DIR = '/awf/config';
const PROXY_LOG_DIR = '/awf/logs';
/** Inside the proxy container only: key material its entrypoint generates at start (0700). */
const PROXY_TLS_DIR = '/run/awf-proxy';
/** Asked by the readiness probe; always refused by the forwarder and never reported. */
const READINESS_PROBE_NAME = 'ready.awf.invalid';
/** Asked by the enforcement canary from inside the sandbox; refused, and never reported. */
const CANARY_NAME = 'canary.awf.invalid';
/**
 * The tunnel the canary opens (with a server name that does not match) and the proxy's own
 * start-up probe of its peeking port use. It is never spliced and never resolves.
 */
const TLS_CANARY_TUNNEL = 'tunnel.awf.invalid';
/** The canary's direct connection goes to this (closed) port of the proxy itself. */
const CANARY_PORT = 9;
function hostChainNames(runId) {
    assertRunId(runId);
    return hostChainNames$1(runId);
}
/** LOG prefixes of the run, checked before they reach a rule. */
function logPrefixes(runId) {
    assertRunId(runId);
    return logPrefixes$1(runId);
}
class RenderAssertionError extends Error {
}
function assert(ok, what, value) {
    if (!ok)
        throw new RenderAssertionError(`refusing to render ${what} ${JSON.stringify(value)}`);
}
function assertRunId(v) {
    assert(/^[0-9a-f]{8}$/.test(v), 'run id', v);
}
function assertInterface(v) {
    assert(/^[a-z0-9-]{1,15}$/.test(v), 'interface name', v);
}
function assertIp(v) {
    assert(parseIpLiteral(v)?.address === v, 'IP address', v);
}
function assertIpv4(v) {
    assert(parseIpLiteral(v)?.family === 4 && parseIpLiteral(v)?.address === v, 'IPv4 address', v);
}
function assertDomain(v) {
    assert(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(v) && v.length <= 253, 'domain', v);
}
function assertPort(v) {
    assert(Number.isInteger(v) && v >= 1 && v <= 65535, 'port', String(v));
}
function assertPrefix(v, family) {
    assert(Number.isInteger(v) && v >= 0 && v <= (family === 4 ? 32 : 128), 'prefix length', String(v));
}

/** Fixed ports inside the proxy container. */
const SQUID_PORT = 3128;
/** Squid's peeking (ssl-bump) port, on the proxy's loopback only: see src/render/squid-tls.ts. */
const SQUID_TLS_PORT = 3129;
const DNS_PORT = 53;
/** Stands in for the upstream proxy's `user:password` in squid.conf; see entrypoint.sh. */
const UPSTREAM_LOGIN_MARK = 'AWF_UPSTREAM_LOGIN';

function pattern(rule) {
    assertDomain(rule.name);
    return rule.includeApex ? rule.name : `*.${rule.name}`;
}
/** With host ports open, the runner's name answers as in /etc/hosts (resolvers that skip it). */
function hostAlias(open, gateway) {
    if (!open)
        return [];
    assertIpv4(gateway);
    return ['# allow-host-ports: the runner.', `host-record=${HOST_ALIAS},${gateway}`];
}
/**
 * allow-urls hosts no domain entry covers. dnsmasq forwards a name's subdomains with it; the
 * proxy still refuses them, so what leaves is a lookup under a host the policy trusts.
 */
function urlHostLines(hosts, allowed, upstreamDns) {
    const own = hosts.filter((h) => !allowed.some((r) => matchesDomain(r, h)));
    own.forEach(assertDomain);
    if (own.length === 0)
        return [];
    return [
        '# Hosts named by allow-urls (only the requests their rules match pass the proxy).',
        ...own.flatMap((h) => upstreamDns.map((ip) => `server=/${h}/${ip}`))
    ];
}
function renderDnsmasqConf({ policy, topology }) {
    assertIp(topology.proxyIp);
    topology.upstreamDns.forEach(assertIp);
    const allowed = policy.views.allowedNames;
    const lines = [
        `# dnsmasq.conf for awf-action run ${topology.runId}. Generated; do not edit.`,
        `port=${DNS_PORT}`,
        `listen-address=${topology.proxyIp},127.0.0.1`,
        'bind-interfaces',
        'no-resolv',
        'no-hosts',
        'no-poll',
        'filter-AAAA',
        'cache-size=10000',
        'log-queries=extra',
        // To stderr, which the proxy's entrypoint appends to <logs>/dns.log: a file dnsmasq
        // opened itself would become nobody's and unreadable by a non-root runner.
        'log-facility=-',
        '',
        '# Every name not listed below: NXDOMAIN, nothing forwarded.',
        'address=/#/',
        `address=/${READINESS_PROBE_NAME}/`,
        '# Allowed names, forwarded to the upstream resolvers.',
        ...allowed.flatMap((r) => topology.upstreamDns.map((ip) => `server=/${pattern(r)}/${ip}`)),
        ...urlHostLines(policy.views.urlHosts, allowed, topology.upstreamDns),
        '# Blocked names win over allowed ones (a longer match).',
        ...policy.blockDomains.map((r) => `address=/${pattern(r)}/`),
        ...hostAlias(policy.allowHostPorts.length > 0, topology.internalGateway),
        ''
    ];
    return lines.join('\n');
}

/**
 * Firewall rules as data (the host plan: host-rules.ts; the agent's own: container-rules.ts)
 * and their `iptables-restore --noflush` text. Jumps into existing chains are explicit data so
 * that the self-check can look for each one; removal finds everything by our chain names
 * (src/sandbox/ruleset.ts).
 */
const LOG_LIMIT = ['-m', 'limit', '--limit', '20/second', '--limit-burst', '50'];
function logAndDrop(prefix, match = []) {
    return [
        [...match, ...LOG_LIMIT, '-j', 'LOG', '--log-prefix', prefix],
        [...match, '-j', 'DROP']
    ];
}
const established = (verdict) => [
    '-m',
    'conntrack',
    '--ctstate',
    'RELATED,ESTABLISHED',
    '-j',
    verdict
];
const SAFE_TOKEN = /^[A-Za-z0-9_.:/,!-]+$/;
const LOG_PREFIX_TOKEN = /^awf-[0-9a-f]{8}-[a-z0-9-]+: $/;
function token(t) {
    if (SAFE_TOKEN.test(t))
        return t;
    if (LOG_PREFIX_TOKEN.test(t))
        return `"${t}"`;
    throw new Error(`refusing to render the iptables token ${JSON.stringify(t)}`);
}
/** How a jump appears in `iptables-save` output (the self-check looks for this line). */
function savedJump(j) {
    return ['-A', j.from, ...j.match, '-j', j.to].map(token).join(' ');
}
/** `iptables-restore --noflush` text: declares (and so empties) only our own chains. */
function renderRestore(tables) {
    const out = [];
    for (const t of tables) {
        out.push(`*${t.table}`);
        for (const c of t.chains)
            out.push(`:${token(c.chain)} - [0:0]`);
        for (const c of t.chains)
            for (const r of c.rules)
                out.push(['-A', c.chain, ...r].map(token).join(' '));
        // Inserted at the top in reverse, so they end up in the listed order before any other rule.
        for (const j of [...t.jumps].reverse())
            out.push(['-I', j.from, '1', ...j.match, '-j', j.to].map(token).join(' '));
        out.push('COMMIT');
    }
    return `${out.join('\n')}\n`;
}

/**
 * The rules inside the agent's own network namespace: web ports redirected to the proxy, DNS to
 * the forwarder, everything else logged and dropped.
 */
/** Chain names inside the agent's own network namespace (nothing else lives there). */
const CONTAINER_CHAINS = { nat: 'AWF-NAT', filter: 'AWF-OUT', filter6: 'AWF-OUT6' };
/**
 * Rules for the agent's network namespace. The sandbox also points that namespace's default
 * route at the proxy (which does not forward), so a direct connection reaches these rules
 * instead of failing with "network unreachable": 80/443 are redirected to Squid, which
 * refuses a request that is not a proxy request; other TCP is reset (ECONNREFUSED at once);
 * anything else is dropped and the program gets EPERM. Each is logged with the agent prefix
 * (the sandbox enables net.netfilter.nf_log_all_netns so that LOG works in a namespace).
 */
function planContainerRules(input) {
    const c = containerPlanContext(input);
    return {
        v4: [
            {
                table: 'nat',
                chains: [{ chain: CONTAINER_CHAINS.nat, rules: containerNatRules(c) }],
                jumps: [{ from: 'OUTPUT', match: [], to: CONTAINER_CHAINS.nat }]
            },
            {
                table: 'filter',
                chains: [{ chain: CONTAINER_CHAINS.filter, rules: containerFilterRules(c) }],
                jumps: [{ from: 'OUTPUT', match: [], to: CONTAINER_CHAINS.filter }]
            }
        ],
        v6: [
            {
                table: 'filter',
                chains: [
                    {
                        chain: CONTAINER_CHAINS.filter6,
                        rules: [['-o', 'lo', '-j', 'ACCEPT'], ...logAndDrop(c.agent)]
                    }
                ],
                jumps: [{ from: 'OUTPUT', match: [], to: CONTAINER_CHAINS.filter6 }]
            }
        ]
    };
}
function containerPlanContext({ policy, topology: t }) {
    assertIpv4(t.proxyIp);
    assertIpv4(t.internalGateway);
    policy.allowHostPorts.forEach((p) => assertPort(p.port));
    return {
        proxy: t.proxyIp,
        agent: logPrefixes(t.runId).agent,
        hostPorts: (verdict) => policy.allowHostPorts.map(({ port }) => [
            ...['-d', t.internalGateway, '-p', 'tcp', '--dport', String(port)],
            ...['-j', verdict]
        ])
    };
}
/** Loopback, the proxy and host ports go as they are; direct web traffic goes to Squid. */
function containerNatRules({ proxy, hostPorts }) {
    return [
        ['-o', 'lo', '-j', 'RETURN'],
        ['-d', proxy, '-j', 'RETURN'],
        ...hostPorts('RETURN'),
        ...[80, 443].map((port) => [
            ...['-p', 'tcp', '--dport', String(port)],
            ...['-j', 'DNAT', '--to-destination', `${proxy}:${SQUID_PORT}`]
        ])
    ];
}
/** Only loopback, the proxy's ports and host ports leave; the rest is logged and refused. */
function containerFilterRules({ proxy, agent, hostPorts }) {
    return [
        // Docker's embedded resolver forwards from outside this namespace (CVE-2024-29018).
        ...logAndDrop(agent, ['-d', '127.0.0.11']),
        ['-o', 'lo', '-j', 'ACCEPT'],
        ['-d', proxy, '-p', 'tcp', '--dport', String(SQUID_PORT), '-j', 'ACCEPT'],
        ['-d', proxy, '-p', 'udp', '--dport', String(DNS_PORT), '-j', 'ACCEPT'],
        ['-d', proxy, '-p', 'tcp', '--dport', String(DNS_PORT), '-j', 'ACCEPT'],
        ...hostPorts('ACCEPT'),
        established('ACCEPT'),
        [...LOG_LIMIT, '-j', 'LOG', '--log-prefix', agent],
        // A dropped SYN would only time out; a reset fails the connection at once.
        ['-p', 'tcp', '-j', 'REJECT', '--reject-with', 'tcp-reset'],
        ['-j', 'DROP']
    ];
}

/**
 * Destinations the proxy refuses unless allow-networks names them: the runner's loopback,
 * private, shared, link-local and metadata addresses, multicast and reserved space. Squid
 * checks them after resolving a name (so an allowed name pointing inside is refused too), and
 * the host rules drop the same ranges on the egress bridge.
 *
 * 198.18.0.0/15 (benchmarking) is deliberately absent: it is public-routable space on no real
 * network, and the offline test lab uses it as "the internet".
 */
const DENIED_NETWORKS_V4 = [
    '0.0.0.0/8',
    '10.0.0.0/8',
    '100.64.0.0/10',
    '127.0.0.0/8',
    '168.63.129.16/32', // Azure wire server and metadata on GitHub-hosted runners
    '169.254.0.0/16', // link-local, cloud metadata at 169.254.169.254
    '172.16.0.0/12',
    '192.0.0.0/24',
    '192.168.0.0/16',
    '224.0.0.0/4',
    '240.0.0.0/4'
];
/**
 * IPv4-mapped addresses (::ffff:0:0/96) are not listed: Squid stores every IPv4 address in
 * that form, so the IPv4 entries above already cover them (and listing the /96 would read as
 * 0.0.0.0/0).
 */
const DENIED_NETWORKS_V6 = [
    '::/128', // unspecified: a connection to it reaches the proxy's own host, as 0.0.0.0 does
    '::1/128',
    '64:ff9b::/96', // NAT64: likewise
    'fc00::/7',
    'fe80::/10',
    'ff00::/8'
];

function chunk$1(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
function cidrText(c, family) {
    assertIp(c.address);
    assertPrefix(c.prefix, family);
    return `${c.address}/${c.prefix}`;
}
function hostPlanContext({ policy, topology: t, upstreamProxy }) {
    [t.internalBridge, t.egressBridge].forEach(assertInterface);
    [t.proxyIp, t.proxyEgressIp, t.internalGateway].forEach(assertIpv4);
    policy.allowHostPorts.forEach((p) => assertPort(p.port));
    const subnet = cidrText(t.internalSubnet, 4);
    return {
        policy,
        t,
        prefix: logPrefixes(t.runId),
        int: t.internalBridge,
        egr: t.egressBridge,
        subnet,
        fromProxy: ['-i', t.egressBridge, '-s', t.proxyEgressIp],
        fromAgent: ['-i', t.internalBridge, '-s', subnet],
        ...(upstreamProxy ? { upstream: upstreamProxy } : {})
    };
}
/** `-m multiport` matches (15 ports each) for every port an allowed entry or URL rule grants. */
function allowedPortMatches({ policy }) {
    const auditPorts = policy.mode === 'audit' ? [80, 443] : [];
    const ports = [
        ...new Set([
            ...auditPorts,
            ...policy.allowDomains.flatMap((r) => r.access.map((a) => a.port)),
            ...policy.allowUrls.map((r) => r.port)
        ])
    ].sort((a, b) => a - b);
    ports.forEach(assertPort);
    return chunk$1(ports, 15).map((c) => ['-p', 'tcp', '-m', 'multiport', '--dports', c.join(',')]);
}
/**
 * A `services:` container published on the runner is reached through Docker's DNAT on the
 * gateway address: the forwarded connection is accepted here, in both directions, because
 * Docker's own isolation rules (after DOCKER-USER) drop traffic leaving an internal network.
 */
function publishedPortRules({ policy, t, prefix, int, subnet, fromAgent }) {
    const published = (dir, state, port) => [
        ...dir,
        '-p',
        'tcp',
        '-m',
        'conntrack',
        '--ctstate',
        state,
        '--ctorigdst',
        t.internalGateway,
        '--ctorigdstport',
        String(port)
    ];
    return policy.allowHostPorts.flatMap(({ port }) => [
        [
            ...published(fromAgent, 'NEW', port),
            ...LOG_LIMIT,
            '-j',
            'LOG',
            '--log-prefix',
            prefix.hostPort
        ],
        [...published(fromAgent, 'DNAT', port), '-j', 'ACCEPT'],
        [...published(['-o', int, '-d', subnet], 'DNAT', port), '-j', 'ACCEPT']
    ]);
}
/**
 * The proxy's queries to its upstream resolvers: forwarded, or (when a resolver listens on one
 * of the runner's own addresses) delivered through INPUT, so both chains carry them.
 */
function toUpstreamRules({ t, fromProxy }) {
    const v4Upstreams = t.upstreamDns.filter((ip) => !ip.includes(':'));
    v4Upstreams.forEach(assertIpv4);
    return v4Upstreams.flatMap((ip) => ['udp', 'tcp'].map((proto) => [
        ...fromProxy,
        ...['-d', ip, '-p', proto, '--dport', String(DNS_PORT), '-j', 'RETURN']
    ]));
}
/** The run's FORWARD chain: the agent reaches only the proxy, the proxy only DNS and allowed ports. */
function forwardRules(c) {
    const { policy, t, prefix, int, egr, subnet, fromProxy } = c;
    const portMatches = allowedPortMatches(c);
    const allowNets = policy.allowNetworks
        .filter((n) => n.family === 4)
        .map((n) => cidrText(n, 4));
    const toProxy = (proto, port) => [
        ...['-i', int, '-o', int, '-s', subnet, '-d', t.proxyIp],
        ...['-p', proto, '--dport', String(port), '-j', 'RETURN']
    ];
    return [
        ...publishedPortRules(c),
        established('RETURN'),
        toProxy('tcp', SQUID_PORT),
        toProxy('tcp', DNS_PORT),
        toProxy('udp', DNS_PORT),
        ...toUpstreamRules(c),
        ...(c.upstream
            ? [upstreamProxyRule(c)]
            : [
                ...allowNets.flatMap((net) => portMatches.map((m) => [...fromProxy, '-d', net, ...m, '-j', 'RETURN'])),
                ...DENIED_NETWORKS_V4.flatMap((net) => logAndDrop(prefix.host, ['-i', egr, '-d', net])),
                ...portMatches.map((m) => [...fromProxy, ...m, '-j', 'RETURN'])
            ]),
        ...logAndDrop(prefix.host)
    ];
}
/**
 * Behind a corporate proxy the proxy container reaches that one address and port (besides
 * DNS), wherever it lives: every other destination is dropped and logged.
 */
function upstreamProxyRule({ upstream, fromProxy }) {
    assertIpv4(upstream.address);
    assertPort(upstream.port);
    return [
        ...fromProxy,
        ...['-d', upstream.address, '-p', 'tcp', '--dport', String(upstream.port), '-j', 'RETURN']
    ];
}
/**
 * The run's INPUT chain: nothing reaches the runner itself but the allowed host ports, and
 * the proxy's DNS queries to a resolver on one of the runner's addresses.
 */
function inputRules(c) {
    const { policy, t, prefix, int, subnet } = c;
    const toGateway = (port) => [
        ...['-i', int, '-s', subnet, '-d', t.internalGateway],
        ...['-p', 'tcp', '--dport', String(port)]
    ];
    return [
        established('RETURN'),
        ...toUpstreamRules(c),
        ...policy.allowHostPorts.map(({ port }) => [
            ...toGateway(port),
            ...['-m', 'conntrack', '--ctstate', 'NEW', ...LOG_LIMIT],
            ...['-j', 'LOG', '--log-prefix', prefix.hostPort]
        ]),
        ...policy.allowHostPorts.map(({ port }) => [...toGateway(port), '-j', 'RETURN']),
        ...logAndDrop(prefix.runner)
    ];
}
function planHostRules(input) {
    const c = hostPlanContext(input);
    const chains = hostChainNames(input.topology.runId);
    const bridges = (to, withOutput) => [c.int, c.egr].flatMap((br) => [
        { from: '', match: ['-i', br], to },
        ...(withOutput ? [{ from: '', match: ['-o', br], to }] : [])
    ]);
    const jumpsFrom = (from, jumps) => jumps.map((j) => ({ ...j, from }));
    return {
        v4: [
            {
                table: 'filter',
                chains: [
                    { chain: chains.forward, rules: forwardRules(c) },
                    { chain: chains.input, rules: inputRules(c) }
                ],
                jumps: [
                    ...jumpsFrom('DOCKER-USER', bridges(chains.forward, true)),
                    ...jumpsFrom('INPUT', bridges(chains.input, false))
                ]
            }
        ],
        v6: [
            {
                table: 'filter',
                chains: [{ chain: chains.v6, rules: logAndDrop(c.prefix.ipv6) }],
                jumps: [
                    ...jumpsFrom('FORWARD', bridges(chains.v6, true)),
                    ...jumpsFrom('INPUT', bridges(chains.v6, false))
                ]
            }
        ]
    };
}

/**
 * The agent's seccomp profile (Docker/OCI JSON): deny by default with EPERM, so a tool that
 * tries a forbidden call fails with a clear "Operation not permitted"; allow what compilers,
 * Node, Python, git, the JVM, bash and curl use. Modelled on Docker's default profile without
 * the calls that reach the kernel's most dangerous surfaces or other processes.
 */
const EPERM = 1;
const ENOSYS = 38;
/**
 * The socket families a command may open: what glibc, `ip` and `ss` need. Every other family
 * (AF_VSOCK, which is not namespaced and reaches the hypervisor on some clouds; AF_PACKET;
 * AF_ALG; AF_KEY; ...) gets EPERM before the kernel looks at it.
 */
const ALLOWED_SOCKET_FAMILIES = {
    AF_UNIX: 1,
    AF_INET: 2,
    AF_INET6: 10,
    AF_NETLINK: 16
};
/** Namespace-creating clone flags: NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET. */
const CLONE_NAMESPACE_FLAGS = 0x7e020000;
/** Explicitly refused; the security suite generates one attack case per entry. */
// prettier-ignore
const DENIED_SYSCALLS = [
    'acct', 'add_key', 'bpf', 'chroot', 'clock_adjtime', 'clock_settime', 'delete_module',
    'finit_module', 'fsconfig', 'fsmount', 'fsopen', 'fspick', 'init_module', 'io_uring_enter',
    'io_uring_register', 'io_uring_setup', 'kcmp', 'kexec_file_load', 'kexec_load', 'keyctl',
    'lookup_dcookie', 'mount', 'mount_setattr', 'move_mount', 'name_to_handle_at', 'nfsservctl',
    'open_by_handle_at', 'open_tree', 'perf_event_open', 'pidfd_getfd', 'pivot_root',
    'process_madvise', 'process_vm_readv', 'process_vm_writev', 'ptrace', 'quotactl', 'reboot',
    'request_key', 'setns', 'settimeofday', 'stime', 'swapoff', 'swapon', 'syslog', 'umount',
    'umount2', 'unshare', 'userfaultfd', 'vhangup', 'adjtimex', 'fanotify_init', 'iopl', 'ioperm',
    'uselib', 'ustat', 'sysfs', '_sysctl', 'create_module', 'get_kernel_syms', 'query_module'
];
// prettier-ignore
const ALLOWED = [
    'accept', 'accept4', 'access', 'alarm', 'bind', 'brk', 'capget', 'capset', 'chdir', 'chmod',
    'chown', 'chown32', 'clock_getres', 'clock_getres_time64', 'clock_gettime', 'clock_gettime64',
    'clock_nanosleep', 'clock_nanosleep_time64', 'close', 'close_range', 'connect',
    'copy_file_range', 'creat', 'dup', 'dup2', 'dup3', 'epoll_create', 'epoll_create1',
    'epoll_ctl', 'epoll_pwait', 'epoll_pwait2', 'epoll_wait', 'eventfd', 'eventfd2', 'execve',
    'execveat', 'exit', 'exit_group', 'faccessat', 'faccessat2', 'fadvise64', 'fadvise64_64',
    'fallocate', 'fchdir', 'fchmod', 'fchmodat', 'fchmodat2', 'fchown', 'fchown32', 'fchownat',
    'fcntl', 'fcntl64', 'fdatasync', 'fgetxattr', 'flistxattr', 'flock', 'fork', 'fremovexattr',
    'fsetxattr', 'fstat', 'fstat64', 'fstatat64', 'fstatfs', 'fstatfs64', 'fsync', 'ftruncate',
    'ftruncate64', 'futex', 'futex_time64', 'futex_waitv', 'futimesat', 'getcpu', 'getcwd',
    'getdents', 'getdents64', 'getegid', 'getegid32', 'geteuid', 'geteuid32', 'getgid',
    'getgid32', 'getgroups', 'getgroups32', 'getitimer', 'getpeername', 'getpgid', 'getpgrp',
    'getpid', 'getppid', 'getpriority', 'getrandom', 'getresgid', 'getresgid32', 'getresuid',
    'getresuid32', 'getrlimit', 'get_robust_list', 'getrusage', 'getsid', 'getsockname',
    'getsockopt', 'get_thread_area', 'gettid', 'gettimeofday', 'getuid', 'getuid32', 'getxattr',
    'inotify_add_watch', 'inotify_init', 'inotify_init1', 'inotify_rm_watch', 'io_cancel',
    'ioctl', 'io_destroy', 'io_getevents', 'io_pgetevents', 'io_pgetevents_time64', 'ioprio_get',
    'ioprio_set', 'io_setup', 'io_submit', 'ipc', 'kill', 'landlock_add_rule',
    'landlock_create_ruleset', 'landlock_restrict_self', 'lchown', 'lchown32', 'lgetxattr',
    'link', 'linkat', 'listen', 'listxattr', 'llistxattr', '_llseek', 'lremovexattr', 'lseek',
    'lsetxattr', 'lstat', 'lstat64', 'madvise', 'membarrier', 'memfd_create', 'mincore', 'mkdir',
    'mkdirat', 'mknod', 'mknodat', 'mlock', 'mlock2', 'mlockall', 'mmap', 'mmap2', 'mprotect',
    'mq_getsetattr', 'mq_notify', 'mq_open', 'mq_timedreceive', 'mq_timedreceive_time64',
    'mq_timedsend', 'mq_timedsend_time64', 'mq_unlink', 'mremap', 'msgctl', 'msgget', 'msgrcv',
    'msgsnd', 'msync', 'munlock', 'munlockall', 'munmap', 'nanosleep', 'newfstatat', '_newselect',
    'open', 'openat', 'openat2', 'pause', 'pidfd_open', 'pidfd_send_signal', 'pipe', 'pipe2',
    'pkey_alloc', 'pkey_free', 'pkey_mprotect', 'poll', 'ppoll', 'ppoll_time64', 'prctl',
    'pread64', 'preadv', 'preadv2', 'prlimit64', 'pselect6', 'pselect6_time64', 'pwrite64',
    'pwritev', 'pwritev2', 'read', 'readahead', 'readlink', 'readlinkat', 'readv', 'recv',
    'recvfrom', 'recvmmsg', 'recvmmsg_time64', 'recvmsg', 'remap_file_pages', 'removexattr',
    'rename', 'renameat', 'renameat2', 'restart_syscall', 'rmdir', 'rseq', 'rt_sigaction',
    'rt_sigpending', 'rt_sigprocmask', 'rt_sigqueueinfo', 'rt_sigreturn', 'rt_sigsuspend',
    'rt_sigtimedwait', 'rt_sigtimedwait_time64', 'rt_tgsigqueueinfo', 'sched_getaffinity',
    'sched_getattr', 'sched_getparam', 'sched_get_priority_max', 'sched_get_priority_min',
    'sched_getscheduler', 'sched_rr_get_interval', 'sched_rr_get_interval_time64',
    'sched_setaffinity', 'sched_setattr', 'sched_setparam', 'sched_setscheduler', 'sched_yield',
    'seccomp', 'select', 'semctl', 'semget', 'semop', 'semtimedop', 'semtimedop_time64', 'send',
    'sendfile', 'sendfile64', 'sendmmsg', 'sendmsg', 'sendto', 'setfsgid', 'setfsgid32',
    'setfsuid', 'setfsuid32', 'setgid', 'setgid32', 'setgroups', 'setgroups32', 'setitimer',
    'setpgid', 'setpriority', 'setregid', 'setregid32', 'setresgid', 'setresgid32', 'setresuid',
    'setresuid32', 'setreuid', 'setreuid32', 'setrlimit', 'set_robust_list', 'setsid',
    'setsockopt', 'set_thread_area', 'set_tid_address', 'setuid', 'setuid32', 'setxattr', 'shmat',
    'shmctl', 'shmdt', 'shmget', 'shutdown', 'sigaltstack', 'signalfd', 'signalfd4', 'sigprocmask',
    'sigreturn', 'socketpair', 'splice', 'stat', 'stat64', 'statfs',
    'statfs64', 'statx', 'symlink', 'symlinkat', 'sync', 'sync_file_range', 'syncfs', 'sysinfo',
    'tee', 'tgkill', 'time', 'timer_create', 'timer_delete', 'timer_getoverrun', 'timer_gettime',
    'timer_gettime64', 'timer_settime', 'timer_settime64', 'timerfd_create', 'timerfd_gettime',
    'timerfd_gettime64', 'timerfd_settime', 'timerfd_settime64', 'times', 'tkill', 'truncate',
    'truncate64', 'ugetrlimit', 'umask', 'uname', 'unlink', 'unlinkat', 'utime', 'utimensat',
    'utimensat_time64', 'utimes', 'vfork', 'vmsplice', 'wait4', 'waitid', 'waitpid', 'write',
    'writev',
    // x86_64 and aarch64 specifics
    'arch_prctl', 'modify_ldt', 'arm_fadvise64_64', 'arm_sync_file_range',
    'breakpoint', 'cacheflush', 'set_tls'
];
function renderSeccompProfile() {
    const overlap = ALLOWED.filter((n) => DENIED_SYSCALLS.includes(n));
    if (overlap.length > 0)
        throw new Error(`seccomp: allowed and denied at once: ${overlap.join(', ')}`);
    const profile = {
        defaultAction: 'SCMP_ACT_ERRNO',
        defaultErrnoRet: EPERM,
        // No 32-bit x86 (ia32): it opens sockets through socketcall(2), which passes the family in
        // memory where seccomp cannot read it, and libseccomp turns every `socket` rule with
        // arguments into an unconditional socketcall(SYS_SOCKET) rule there, so the family rule
        // could not hold. Its syscalls end the process (SIGSYS). Every mapped architecture has a
        // direct socket(2); socketcall(2) itself is never allowed.
        archMap: [
            { architecture: 'SCMP_ARCH_X86_64', subArchitectures: ['SCMP_ARCH_X32'] },
            { architecture: 'SCMP_ARCH_AARCH64', subArchitectures: ['SCMP_ARCH_ARM'] }
        ],
        syscalls: [
            { names: [...ALLOWED].sort(), action: 'SCMP_ACT_ALLOW' },
            {
                // Threads and processes, never new namespaces.
                names: ['clone'],
                action: 'SCMP_ACT_ALLOW',
                args: [{ index: 0, value: CLONE_NAMESPACE_FLAGS, valueTwo: 0, op: 'SCMP_CMP_MASKED_EQ' }]
            },
            {
                // clone3 passes its flags in memory, out of seccomp's reach: ENOSYS makes glibc fall
                // back to clone, whose flags the rule above checks.
                names: ['clone3'],
                action: 'SCMP_ACT_ERRNO',
                errnoRet: ENOSYS
            },
            ...Object.values(ALLOWED_SOCKET_FAMILIES).map((value) => ({
                names: ['socket'],
                action: 'SCMP_ACT_ALLOW',
                args: [{ index: 0, value, valueTwo: 0, op: 'SCMP_CMP_EQ' }]
            })),
            ...[0x0, 0x8, 0x20000, 0x20008, 0xffffffff].map((value) => ({
                // Only the harmless personalities (Linux, 32-bit, query).
                names: ['personality'],
                action: 'SCMP_ACT_ALLOW',
                args: [{ index: 0, value, valueTwo: 0, op: 'SCMP_CMP_EQ' }]
            }))
        ]
    };
    return `${JSON.stringify(profile, null, 2)}\n`;
}

/**
 * TLS interception for the few hosts that need it (issue 16), on the peeking port of
 * squid-tls.ts. A tunnel whose CONNECT host and ClientHello server name both name an
 * intercepted host is stared at (Squid connects to the server and verifies its certificate
 * against the system store and the `ca-certificates` file), then bumped: the agent sees a
 * certificate for that host signed by the run's own CA, and every request inside becomes a
 * request Squid checks on its own. Every other tunnel keeps the splice: the agent sees the
 * server's own certificate.
 */
/** The proxy's entrypoint makes the certificate database for generated host certificates here. */
const PROXY_CERT_DB = '/run/awf-proxy-certs/db';
/** Upstream servers' certificates are checked against the image's system store... */
const SYSTEM_CA_FILE = '/etc/ssl/certs/ca-certificates.crt';
/** ...and, when given, the `ca-certificates` file, copied into the config folder. */
const UPSTREAM_CA_FILE = `${PROXY_CONFIG_DIR}/ca-certificates.crt`;
/**
 * The run's CA certificate (public half only) as the entrypoint copies it into the logs
 * folder, for the sandbox to build the agent's trust from. The private key stays in
 * PROXY_TLS_DIR inside the proxy container.
 */
const INTERCEPTION_CA_LOG_FILE = 'interception-ca.crt';
/**
 * Stands in for credential `index`'s header value in squid.conf. The proxy's entrypoint
 * reads the value from its environment variable of the same name and writes it only into
 * a private copy of the file inside the container.
 */
const credentialMark = (index) => `AWF_CREDENTIAL_${index}`;
const HEADER$1 = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
/** The ACL names that pair an intercepted host with its ClientHello server name. */
const hostAcls = (i) => `icpt_${i}_host icpt_${i}_sni`;
const NO_INTERCEPTION = { acls: [], bump: [], access: [], service: [] };
function credentialLines(i) {
    return i.credentials.flatMap((c, n) => {
        assert(HEADER$1.test(c.header), 'header name', c.header);
        const at = i.hosts.indexOf(c.host);
        assert(at >= 0, 'credential host (not intercepted)', c.host);
        // Only on decrypted requests (tls_port, never CONNECT): a plain-HTTP request never
        // carries the secret, nor does the CONNECT Squid sends a corporate parent to reach the host.
        const on = `tls_port !CONNECT ${hostAcls(at)}`;
        return [
            `request_header_access ${c.header} deny ${on}`,
            `request_header_add ${c.header} "${credentialMark(n)}" ${on}`
        ];
    });
}
/** `urlAccess`: allow-urls' rules for decrypted requests (squid-urls.ts), before the hosts' own. */
function renderInterception(i, urlAccess = []) {
    if (!i || i.hosts.length === 0)
        return NO_INTERCEPTION;
    const acls = ['acl tls_step2 at_step SslBump2', 'acl tls_step3 at_step SslBump3'];
    acls.push('acl trace_method method TRACE');
    i.hosts.forEach((h, n) => {
        assertDomain(h);
        acls.push(`acl icpt_${n}_host dstdomain -n ${h}`);
        acls.push(`acl icpt_${n}_sni ssl::server_name --client-requested ${h}`);
    });
    const pairs = i.hosts.map((_, n) => hostAcls(n));
    return {
        acls,
        bump: [
            '# Intercepted hosts: Squid checks the server first (stare), then decrypts (bump).',
            ...pairs.map((p) => `ssl_bump stare tls_step2 ${p}`),
            ...pairs.map((p) => `ssl_bump bump tls_step3 ${p}`)
        ],
        access: [
            "# Requests decrypted inside an intercepted tunnel: only to that tunnel's own host (the",
            '# Host header must name the server the ClientHello named). TRACE would echo our headers.',
            'http_access deny tls_port trace_method',
            ...urlAccess,
            ...pairs.map((p) => `http_access allow tls_port !CONNECT ${p}`)
        ],
        service: [
            `sslcrtd_program /usr/lib/squid/security_file_certgen -s ${PROXY_CERT_DB} -M 4MB`,
            'sslcrtd_children 8 startup=1 idle=1',
            [
                'tls_outgoing_options min-version=1.2',
                `cafile=${SYSTEM_CA_FILE}`,
                ...(i.upstreamCa ? [`cafile=${UPSTREAM_CA_FILE}`] : [])
            ].join(' '),
            ...credentialLines(i)
        ]
    };
}

/** What the rendered file asks the proxy's entrypoint to generate at start (see entrypoint.sh). */
const PROXY_TLS_CERT = `${PROXY_TLS_DIR}/cert.pem`;
const PROXY_TLS_KEY = `${PROXY_TLS_DIR}/key.pem`;
const escapeRegex$1 = (name) => name.replace(/\./g, '\\.');
/**
 * One rule as a pair of ACLs: the CONNECT host (`dstdomain`/`dstdom_regex`) and the server
 * name (`ssl::server_name`/`ssl::server_name_regex`, client-requested only: the name the
 * ClientHello carries, never one a server sends back).
 */
function entryAcls(prefix, rule) {
    assertDomain(rule.name);
    const host = `${prefix}_host`;
    const sni = `${prefix}_sni`;
    return {
        host,
        sni,
        lines: rule.includeApex
            ? [
                `acl ${host} dstdomain -n .${rule.name}`,
                `acl ${sni} ssl::server_name --client-requested .${rule.name}`
            ]
            : [
                `acl ${host} dstdom_regex -n \\.${escapeRegex$1(rule.name)}$`,
                `acl ${sni} ssl::server_name_regex --client-requested \\.${escapeRegex$1(rule.name)}$`
            ]
    };
}
/**
 * ACLs for a list of rules (the block list, the no-server-name opt-ins): `name` for entries
 * with their apex, `name_sub` for subdomain-only ones. Returns the ACL names defined.
 */
function listAcls(name, type, rules, lines) {
    rules.forEach((r) => assertDomain(r.name));
    const apex = rules.filter((r) => r.includeApex).map((r) => `.${r.name}`);
    const subs = rules.filter((r) => !r.includeApex).map((r) => `\\.${escapeRegex$1(r.name)}$`);
    const [exact, regex] = type === 'sni'
        ? ['ssl::server_name --client-requested', 'ssl::server_name_regex --client-requested']
        : ['dstdomain -n', 'dstdom_regex -n'];
    const defined = [];
    if (apex.length > 0) {
        lines.push(`acl ${name} ${exact} ${apex.join(' ')}`);
        defined.push(name);
    }
    if (subs.length > 0) {
        lines.push(`acl ${name}_sub ${regex} ${subs.join(' ')}`);
        defined.push(`${name}_sub`);
    }
    return defined;
}
/** Where the proxy image keeps the helper that tells whether a ClientHello named a server. */
const SNI_HELPER_PATH = '/usr/local/bin/awf-sni-present';
/**
 * The no-server-name test is an external ACL fed `%ssl::>sni` (`-` when absent): Squid's
 * server-name ACLs fall back to the CONNECT host when the ClientHello has none.
 */
const SNI_HELPER = 'external_acl_type awf_sni ttl=60 negative_ttl=60 children-max=2 children-startup=1 ' +
    `%ssl::>sni ${SNI_HELPER_PATH}`;
function renderTlsRules(o) {
    const acls = [
        'acl tls_port myportname tls_port',
        'acl loopback src 127.0.0.1/32',
        'acl tls_step1 at_step SslBump1',
        SNI_HELPER,
        'acl sni_sent external awf_sni',
        `acl tls_canary dstdomain -n ${TLS_CANARY_TUNNEL}`
    ];
    const blocked = listAcls('sni_blocked', 'sni', o.blocked, acls);
    const noSniOk = listAcls('no_sni_ok', 'host', o.noSniHosts, acls);
    const icpt = renderInterception(o.interception, o.urls?.access);
    const urlRefusals = o.urls?.tunnelRefusals ?? [];
    acls.push(...icpt.acls);
    const splices = [];
    o.groups.forEach((g, i) => {
        acls.push(`acl tls_${i}_port port ${g.access.port}`);
        g.rules.forEach((rule, j) => {
            const e = entryAcls(`tls_${i}_${j}`, rule);
            acls.push(...e.lines);
            splices.push(`ssl_bump splice tls_${i}_port ${e.host} ${e.sni}`);
        });
    });
    const bump = [
        '# Peek at the ClientHello (step 1); decide at step 2, before any server is contacted.',
        'ssl_bump peek tls_step1',
        '# The enforcement canary tunnel never splices, whatever name it sends.',
        'ssl_bump terminate tls_canary',
        ...blocked.map((a) => `ssl_bump terminate ${a}`),
        ...(o.mode === 'audit'
            ? [
                ...icpt.bump,
                ...urlRefusals,
                '# Audit mode: every other tunnel is spliced, its server name logged.',
                'ssl_bump splice all'
            ]
            : [
                '# A ClientHello without a server name is refused unless its CONNECT host opted in.',
                ['ssl_bump terminate !sni_sent', ...noSniOk.map((a) => `!${a}`)].join(' '),
                ...icpt.bump,
                ...urlRefusals,
                '# One tunnel, one destination: the server name must belong to the CONNECT host entry.',
                ...splices
            ]),
        'ssl_bump terminate all',
        '# Anything that is not TLS inside a tunnel is answered with an error, never tunnelled.',
        'on_unsupported_protocol respond all'
    ];
    return {
        port: `http_port 127.0.0.1:${SQUID_TLS_PORT} name=tls_port ssl-bump tls-cert=${PROXY_TLS_CERT} tls-key=${PROXY_TLS_KEY} generate-host-certificates=${icpt === NO_INTERCEPTION ? 'off' : 'on'}`,
        acls,
        access: [
            "# The peeking port serves only the agent port's own hop over loopback.",
            'http_access deny tls_port !loopback',
            '# (the canary tunnel is refused at the ClientHello; its name is never resolved)',
            'http_access allow tls_port CONNECT tls_canary',
            `http_access deny tls_port ${o.deniedNets}`,
            'http_access allow tls_port CONNECT',
            ...icpt.access,
            'http_access deny tls_port'
        ],
        routing: [
            '# Every tunnel the agent opens goes through the peeking port; never around it.',
            `cache_peer 127.0.0.1 parent ${SQUID_TLS_PORT} 0 no-query no-digest no-netdb-exchange name=tls_check`,
            'cache_peer_access tls_check allow agent_port CONNECT',
            'cache_peer_access tls_check deny all',
            'never_direct allow agent_port CONNECT'
        ],
        bump,
        service: icpt.service
    };
}

/** What policy.ts lets a path hold; anything else here is a bug, never rendered. */
const RENDERABLE_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/;
const METHOD$1 = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/;
/** The POSIX extended regex for a rule's path: anchored, literal but for `*`, any query. */
function pathRegex(path) {
    assert(RENDERABLE_PATH.test(path), 'URL rule path', path);
    const body = [...path]
        .map((c) => (c === '*' ? '[^?]*' : /[.()+$]/.test(c) ? `\\${c}` : c))
        .join('');
    return `^${body}(\\?.*)?$`;
}
const NO_URL_RULES = {
    acls: [],
    agentAccess: [],
    interceptedAccess: [],
    tunnelRefusals: [],
    interceptedHosts: []
};
function ruleAcls(rule, i, acls) {
    assertDomain(rule.host);
    assertPort(rule.port);
    rule.methods.forEach((m) => assert(METHOD$1.test(m), 'URL rule method', m));
    acls.push(`acl url_${i}_host dstdomain -n ${rule.host}`, `acl url_${i}_port port ${rule.port}`, `acl url_${i}_path urlpath_regex ${pathRegex(rule.path)}`);
    if (rule.methods.length > 0)
        acls.push(`acl url_${i}_method method ${rule.methods.join(' ')}`);
    return [
        `url_${i}_host`,
        `url_${i}_port`,
        ...(rule.methods.length > 0 ? [`url_${i}_method`] : []),
        `url_${i}_path`
    ].join(' ');
}
function renderUrlRules(rules) {
    if (rules.length === 0)
        return NO_URL_RULES;
    const hosts = [...new Set(rules.map((r) => r.host))].sort();
    hosts.forEach(assertDomain);
    const acls = [
        `acl url_hosts dstdomain -n ${hosts.join(' ')}`,
        'acl proto_https proto HTTPS',
        // Dot segments and encoded slashes or backslashes in the path (never in the query).
        'acl url_unsafe_path urlpath_regex -i ^[^?]*/(\\.|%2e){1,2}([/;?]|$) ^[^?]*(%2f|%5c|\\\\)'
    ];
    const plain = [];
    const tunnels = new Map();
    const intercepted = [];
    rules.forEach((rule, i) => {
        const match = ruleAcls(rule, i, acls);
        if (rule.protocol === 'http')
            plain.push(`http_access allow !CONNECT proto_http ${match}`);
        else {
            const line = `http_access allow CONNECT url_${i}_host url_${i}_port`;
            if (!tunnels.has(`${rule.host}:${rule.port}`))
                tunnels.set(`${rule.host}:${rule.port}`, line);
            // The tunnel's server name too: a Host header cannot switch to another rule's host.
            acls.push(`acl url_${i}_sni ssl::server_name --client-requested ${rule.host}`);
            intercepted.push(`http_access allow tls_port !CONNECT proto_https ${match} url_${i}_sni`);
        }
    });
    const httpsHosts = [
        ...new Set(rules.filter((r) => r.protocol === 'https').map((r) => r.host))
    ].sort();
    acls.push(`acl url_hosts_sni ssl::server_name --client-requested ${hosts.join(' ')}`);
    return {
        acls,
        agentAccess: [
            '# allow-urls: a rule host is reached only by the requests its rules match.',
            'http_access deny url_hosts url_unsafe_path',
            ...plain,
            // One CONNECT rule per host and port is enough: the requests inside are checked.
            ...tunnels.values(),
            'http_access deny url_hosts'
        ],
        interceptedAccess: [
            '# allow-urls: requests inside an intercepted tunnel pass only when a rule matches.',
            'http_access deny tls_port url_hosts url_unsafe_path',
            ...intercepted,
            'http_access deny tls_port url_hosts'
        ],
        tunnelRefusals: [
            '# allow-urls: a tunnel to a rule host, or naming one, that was not intercepted ends here.',
            'ssl_bump terminate url_hosts',
            'ssl_bump terminate url_hosts_sni'
        ],
        interceptedHosts: httpsHosts,
        hostsAcl: 'url_hosts'
    };
}

/**
 * The access log format the report parser reads; see docs/squid-log-format.md. The last three
 * fields (server name, URL-encoded; bump action; Squid's local port) come after the URL so
 * that the first ten keep their places.
 */
const SQUID_LOG_FORMAT = '%ts.%03tu %>a %Ss/%03>Hs %rm %>rd %>rP %<a %st %err_code %ru %#ssl::>sni %ssl::bump_mode %>lp';
const escapeRegex = (name) => name.replace(/\./g, '\\.');
/**
 * ACL lines for a set of rules: `dstdomain -n .example.com` for apex-and-subdomain entries,
 * `dstdom_regex -n \.example\.com$` for subdomain-only ones. `-n` stops Squid from looking
 * names up in reverse DNS. Returns the ACL names defined (zero, one or two).
 */
function domainAcls(name, rules, lines) {
    const defined = [];
    const apex = rules.filter((r) => r.includeApex);
    const subs = rules.filter((r) => !r.includeApex);
    for (const r of rules)
        assertDomain(r.name);
    if (apex.length > 0) {
        lines.push(`acl ${name} dstdomain -n ${apex.map((r) => `.${r.name}`).join(' ')}`);
        defined.push(name);
    }
    if (subs.length > 0) {
        lines.push(`acl ${name}_sub dstdom_regex -n ${subs.map((r) => `\\.${escapeRegex(r.name)}$`).join(' ')}`);
        defined.push(`${name}_sub`);
    }
    return defined;
}
function chunk(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
/** Long ACLs are split over several `acl` lines (Squid appends same-named lines). */
function splitAclLines(lines) {
    return lines.flatMap((line) => {
        const [acl = '', name = '', type = '', ...rest] = line.split(' ');
        const flags = rest[0]?.startsWith('-') ? rest.slice(0, 1) : [];
        return chunk(rest.slice(flags.length), 50).map((c) => [acl, name, type, ...flags, ...c].join(' '));
    });
}
/** Presets never widen silently: the file says what each one expanded to. */
function presetLines(presets) {
    return presets.map((p) => {
        assert(/^[a-z][a-z0-9-]*$/.test(p.name), 'preset name', p.name);
        for (const d of p.domains)
            assertDomain(d.replace(/^https?:\/\//, ''));
        return `# allow-domains @${p.name} = ${p.domains.join(' ')}`;
    });
}
/** The upstream parent, when there is one: everything leaves through it, nothing goes direct. */
function upstreamLines(upstream) {
    if (!upstream)
        return [];
    assertIp(upstream.address);
    assertPort(upstream.port);
    const login = upstream.login ? ` login=${UPSTREAM_LOGIN_MARK}` : '';
    return [
        '# The corporate proxy: every request leaves through it, after our own policy allowed it.',
        `cache_peer ${upstream.address} parent ${upstream.port} 0 no-query no-digest no-netdb-exchange name=upstream${login}`,
        'cache_peer_access upstream allow tls_port',
        'cache_peer_access upstream allow agent_port !CONNECT',
        'cache_peer_access upstream deny all',
        'never_direct allow all'
    ];
}
function accessRules(policy) {
    const acls = [];
    const access = [];
    const blocked = domainAcls('blocked', policy.blockDomains, acls);
    const groups = policy.views.accessGroups;
    groups.forEach((g, i) => {
        assertPort(g.access.port);
        const names = domainAcls(`allow_${i}`, g.rules, acls);
        acls.push(`acl allow_${i}_port port ${g.access.port}`);
        for (const n of names)
            access.push(g.access.protocol === 'https'
                ? `http_access allow CONNECT ${n} allow_${i}_port`
                : `http_access allow !CONNECT proto_http ${n} allow_${i}_port`);
    });
    // A name no entry allows is refused before Squid resolves it: no DNS lookup for it, ever.
    const anyAllowedAcls = domainAcls('allowed_any', policy.views.allowedNames, acls);
    for (const net of policy.allowNetworks) {
        assertIp(net.address);
        assertPrefix(net.prefix, net.family);
    }
    const allowNets = policy.allowNetworks.map((n) => `${n.address}/${n.prefix}`);
    if (allowNets.length > 0)
        acls.push(`acl allowed_nets dst ${allowNets.join(' ')}`);
    const urls = renderUrlRules(policy.allowUrls);
    acls.push(...urls.acls);
    return { acls, access, blocked, anyAllowed: anyAllowedAcls, allowNets, groups, urls };
}
const AUDIT_ACCESS = [
    '# Audit mode: any other public name on the default ports is allowed (and logged).',
    'acl audit_http_port port 80',
    'acl audit_https_port port 443',
    'http_access allow CONNECT audit_https_port',
    'http_access allow !CONNECT proto_http audit_http_port'
];
/** The agent port's http_access rules, in the order that is the security argument. */
function agentAccess$1(policy, r, deniedNets) {
    return [
        "# The proxy's own start-up probe of the peeking port.",
        'http_access allow loopback CONNECT tls_canary tls_canary_port',
        'http_access deny !agent',
        'http_access deny manager',
        '# IP literals first: dstdomain would otherwise match them through reverse DNS.',
        'http_access deny ip_literal',
        "# The canary's tunnel (refused by the peeking port, whatever server name it sends).",
        'http_access allow CONNECT tls_canary tls_canary_port',
        "# The sandbox's own probe names are refused in every mode, and never resolved.",
        'http_access deny awf_internal',
        '# The block list wins over every allow rule.',
        ...r.blocked.map((a) => `http_access deny ${a}`),
        ...(r.anyAllowed.length + (r.urls.hostsAcl ? 1 : 0) > 0 && policy.mode === 'enforce'
            ? [
                `http_access deny ${[...r.anyAllowed, ...(r.urls.hostsAcl ? [r.urls.hostsAcl] : [])].map((a) => `!${a}`).join(' ')}`
            ]
            : []),
        '# An allowed name that resolves to a private, loopback or metadata address is refused.',
        `http_access deny ${deniedNets}`,
        ...r.urls.agentAccess,
        ...r.access,
        ...(policy.mode === 'audit' ? AUDIT_ACCESS : []),
        'http_access deny all'
    ];
}
/** Everything after the rules: no cache, no identifying headers, logs in our format. */
function serviceLines(input) {
    const { policy, topology } = input;
    return [
        'cache deny all',
        'cache_mem 0 MB',
        'via off',
        'forwarded_for delete',
        'host_verify_strict on',
        'httpd_suppress_version_string on',
        'shutdown_lifetime 0 seconds',
        // Squid probes its own peeking port (a cache_peer) once at start, before that port listens,
        // and probes a peer it found down again only when its clock's second changes: 0 to 1 s
        // before the first tunnel. One retry 50 ms later finds the port listening. For servers it
        // means one more attempt after a refused connection.
        '# A refused connection is tried once more, 50 ms later.',
        'connect_retries 2',
        // In audit mode Squid resolves any name through the upstreams; the agent's own lookups
        // still go through the filtering forwarder.
        `dns_nameservers ${policy.mode === 'audit' ? topology.upstreamDns.join(' ') : '127.0.0.1'}`,
        'client_persistent_connections on',
        'server_persistent_connections on',
        '',
        `logformat awf ${SQUID_LOG_FORMAT}`,
        `access_log stdio:${PROXY_LOG_DIR}/access.log logformat=awf`,
        `cache_log ${PROXY_LOG_DIR}/cache.log`,
        'cache_store_log none',
        'logfile_rotate 0',
        'coredump_dir /tmp',
        ''
    ];
}
/**
 * The hosts of HTTPS URL rules are always intercepted: the renderer does not rely on its
 * caller for that, since a rule host's tunnel that is not intercepted cannot be checked.
 */
function withUrlHosts(interception, hosts) {
    if (hosts.length === 0)
        return interception;
    const base = interception ?? { hosts: [], credentials: [], upstreamCa: false };
    return { ...base, hosts: [...new Set([...base.hosts, ...hosts])] };
}
function renderSquidConf(input) {
    const { policy, topology } = input;
    assertIp(topology.internalSubnet.address);
    topology.upstreamDns.forEach(assertIp);
    assertPrefix(topology.internalSubnet.prefix, 4);
    const r = accessRules(policy);
    const deniedNets = r.allowNets.length > 0 ? 'denied_nets !allowed_nets' : 'denied_nets';
    const tls = renderTlsRules({
        mode: policy.mode,
        groups: r.groups.filter((g) => g.access.protocol === 'https'),
        blocked: policy.blockDomains,
        noSniHosts: input.noSniHosts ?? [],
        deniedNets,
        interception: withUrlHosts(input.interception, r.urls.interceptedHosts),
        urls: { access: r.urls.interceptedAccess, tunnelRefusals: r.urls.tunnelRefusals }
    });
    const lines = [
        `# squid.conf for awf-action run ${topology.runId}. Generated; do not edit.`,
        ...presetLines(policy.presets),
        `http_port ${SQUID_PORT} name=agent_port`,
        tls.port,
        'visible_hostname awf-proxy',
        'pid_filename none',
        '',
        '# Only the agent network is served.',
        `acl agent src ${topology.internalSubnet.address}/${topology.internalSubnet.prefix}`,
        'acl agent_port myportname agent_port',
        'acl CONNECT method CONNECT',
        'acl proto_http proto HTTP',
        // Squid turns every numeric IPv4 notation into dotted quad before ACLs run.
        'acl ip_literal dstdom_regex -n ^[0-9]+(\\.[0-9]+){3}$ ^\\[?[0-9a-fA-F.]*:[0-9a-fA-F:.]*\\]?$',
        'acl awf_internal dstdomain -n .awf.invalid',
        'acl tls_canary_port port 443',
        `acl denied_nets dst ${[...DENIED_NETWORKS_V4, ...DENIED_NETWORKS_V6].join(' ')}`,
        ...splitAclLines(r.acls),
        ...splitAclLines([...tls.acls]),
        '',
        ...tls.access,
        ...agentAccess$1(policy, r, deniedNets),
        '',
        ...tls.routing,
        ...upstreamLines(input.upstreamProxy),
        '',
        ...tls.bump,
        ...tls.service,
        '',
        ...serviceLines(input)
    ];
    const text = lines.join('\n');
    // Belt and braces: a rendered line can never be continued or injected by a value.
    if (/\\\n/.test(text) || text.includes('\0'))
        throw new Error('refusing to render squid.conf with a continuation or NUL');
    return text;
}

/**
 * Pure reading of `iptables-save` output: which of our chains exist, whether they are jumped
 * to, and the exact batch that removes a run's rules while leaving every other rule alone.
 */
/** Our chains are `AWF-<runId>` optionally followed by a suffix (`-IN`, `-6`, ...). */
const OUR_CHAIN = /^AWF-([0-9a-f]{8})(?:-[A-Z0-9]+)?$/;
function parseSave(text) {
    const tables = [];
    let current;
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line.startsWith('*')) {
            current = { name: line.slice(1), chains: [], rules: [] };
            tables.push(current);
        }
        else if (line.startsWith(':') && current) {
            current.chains.push(line.slice(1).split(/\s+/)[0] ?? '');
        }
        else if (line.startsWith('-A ') && current) {
            current.rules.push(line);
        }
    }
    return tables;
}
/** Run ids that own at least one chain in this ruleset. */
function runIdsInRuleset(text) {
    const ids = new Set();
    for (const table of parseSave(text))
        for (const chain of table.chains) {
            const m = OUR_CHAIN.exec(chain);
            if (m?.[1])
                ids.add(m[1]);
        }
    return [...ids].sort();
}
function isRunChain(chain, runId) {
    return OUR_CHAIN.exec(chain)?.[1] === runId;
}
function jumpTarget(rule) {
    return /\s-[jg]\s+(\S+)/.exec(rule)?.[1];
}
/**
 * The restore batch (for `--noflush`) that deletes every jump into the run's chains, then
 * flushes and deletes the chains. Empty when the run left nothing in this ruleset.
 */
function removalBatch(saveText, runId) {
    const out = [];
    for (const table of parseSave(saveText)) {
        const ours = table.chains.filter((c) => isRunChain(c, runId));
        const jumps = table.rules.filter((r) => {
            const chain = r.split(/\s+/)[1] ?? '';
            const target = jumpTarget(r);
            return !isRunChain(chain, runId) && target !== undefined && isRunChain(target, runId);
        });
        if (ours.length === 0 && jumps.length === 0)
            continue;
        out.push(`*${table.name}`);
        for (const rule of jumps)
            out.push(`-D${rule.slice(2)}`);
        for (const chain of ours)
            out.push(`-F ${chain}`);
        for (const chain of ours)
            out.push(`-X ${chain}`);
        out.push('COMMIT');
    }
    return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
/** The run's chains in this ruleset, as `table/chain`, for the sweep's report. */
function runChains(saveText, runId) {
    return parseSave(saveText).flatMap((t) => t.chains.filter((c) => isRunChain(c, runId)).map((c) => `${t.name}/${c}`));
}

/**
 * The running system compared with the plan it was built from: the self-check before the
 * command and the watchdog during it read `iptables-save` and ask this module what is wrong.
 */
/** Problems with one applied plan: missing chains, wrong rule counts, missing jumps. */
function planProblems(saveText, plan, family, where) {
    const problems = [];
    const tables = parseSave(saveText);
    for (const t of family === 4 ? plan.v4 : plan.v6) {
        const saved = tables.find((s) => s.name === t.table);
        for (const c of t.chains) {
            const count = saved?.rules.filter((r) => r.split(/\s+/)[1] === c.chain).length ?? 0;
            if (!saved?.chains.includes(c.chain))
                problems.push(`${where}: chain ${c.chain} (${t.table}, IPv${family}) is missing`);
            else if (count !== c.rules.length)
                problems.push(`${where}: chain ${c.chain} holds ${count} rules, expected ${c.rules.length}`);
        }
        const have = new Set(saved?.rules.map((r) => r.trim().replace(/\s+/g, ' ')));
        for (const j of t.jumps)
            if (!have.has(savedJump(j)))
                problems.push(`${where}: jump "${savedJump(j)}" is missing`);
    }
    return problems;
}

/** The rendered files as (file name, text) pairs. */
function renderedFiles(config) {
    return Object.entries(config);
}
function planRules(input) {
    return { host: planHostRules(input), container: planContainerRules(input) };
}
/** Every file a run needs, keyed by file name, from the policy and the run's rule plans. */
function renderAll(input, { host, container } = planRules(input)) {
    return {
        'squid.conf': renderSquidConf(input),
        'dnsmasq.conf': renderDnsmasqConf(input),
        'seccomp.json': renderSeccompProfile(),
        'host-rules.v4': renderRestore(host.v4),
        'host-rules.v6': renderRestore(host.v6),
        'container-rules.v4': renderRestore(container.v4),
        'container-rules.v6': renderRestore(container.v6)
    };
}

/**
 * What the report may print of the names the command chose. A command that looks up
 * `<data>.anything.example` would otherwise have `<data>` republished in the job summary, the
 * annotations and the outputs, which are often public. With `report-detail: domains` (the
 * default) a name is printed only when it plausibly names a real host: every label short and
 * not random-looking, and few distinct names under its registrable domain. The others are
 * counted under their registrable domain (`evil.example: 3 names hidden`). The heuristic is a
 * filter; the bound is the count: at most MAX_NAMES_PER_DOMAIN short names per domain.
 * Full names always stay in events.jsonl in the logs folder.
 */
function parseReportDetail(value, where) {
    const v = value?.trim() ?? '';
    if (v === '' || v === 'domains')
        return 'domains';
    if (v === 'full')
        return 'full';
    throw new InputError([
        problem(where, v, 'is not a report-detail setting', 'Use domains (the default: names that look random, or many names under one domain, are counted, not printed) or full (every name).')
    ]);
}
/** More distinct names than this under one registrable domain: all of them are counted, not shown. */
const MAX_NAMES_PER_DOMAIN = 4;
/** More distinct addresses than this in a report: all of them are counted, not shown. */
const MAX_ADDRESSES = 4;
/** Ports printed per destination; the rest are counted. Ports are chosen by the command too. */
const MAX_PORTS = 5;
const MAX_LABEL = 20;
const vowelRatio = (s) => (s.match(/[aeiouy]/g)?.length ?? 0) / s.length;
/**
 * A DNS label a person could have chosen for a host: short, few digits, no long hex run, no
 * letter/digit jumble, pronounceable enough. Data encoded in a label (hex, base32, base64)
 * fails at least one of these.
 */
function plausibleLabel(label) {
    if (label.length === 0 || label.length > MAX_LABEL)
        return false;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(label))
        return false;
    if ((label.match(/\d/g)?.length ?? 0) > 4)
        return false;
    if (/[0-9a-f]{8,}/.test(label) && /\d/.test(label))
        return false;
    if ((label.match(/[a-z]\d|\d[a-z]/g)?.length ?? 0) > 3)
        return false;
    // A digit inside a longer word (base32 and friends); short ones (`k8s`, `i18n`) pass.
    if (label.length >= 8 && /[a-z]\d+[a-z]/.test(label))
        return false;
    return label
        .split('-')
        .every((part) => part.length < 6 || (vowelRatio(part) >= 0.25 && !/[^aeiouy\d]{6}/.test(part)));
}
/** Text no traffic can produce (the parsers' own placeholders): always printed. */
const isPlaceholder = (target) => !/^[A-Za-z0-9._:[\]-]+$/.test(target);
function groupOf(name) {
    const p = parse(name, { allowPrivateDomains: true });
    const labels = name.split('.');
    const hiddenNames = { key: 'suffix:', label: '(hidden names)', plausible: false };
    // A public suffix or a single label: its own group, when it looks like a name at all.
    if (!p.domain)
        return labels.every(plausibleLabel)
            ? { key: `name:${name}`, label: name, plausible: true }
            : hiddenNames;
    const suffix = p.publicSuffix ?? '';
    // Unknown top-level names count as suffixes too, and are attacker-chosen text as well.
    if (!suffix.split('.').every(plausibleLabel))
        return hiddenNames;
    if (!plausibleLabel(p.domainWithoutSuffix ?? ''))
        return { key: `suffix:${suffix}`, label: `(hidden).${suffix}`, plausible: false };
    const sub = labels.slice(0, labels.length - p.domain.split('.').length);
    return { key: `domain:${p.domain}`, label: p.domain, plausible: sub.every(plausibleLabel) };
}
/** How each distinct target of a report is printed. */
function showTargets(targets, detail) {
    const distinct = [...new Set(targets)];
    const shown = new Map();
    if (detail === 'full') {
        for (const t of distinct)
            shown.set(t, { label: t, hidden: false });
        return shown;
    }
    const addresses = new Set(distinct.filter((t) => !isPlaceholder(t) && parseIpLiteral(t)));
    const groups = new Map();
    for (const t of distinct) {
        if (isPlaceholder(t))
            shown.set(t, { label: t, hidden: false });
        else if (addresses.has(t))
            shown.set(t, addresses.size > MAX_ADDRESSES
                ? { label: '(addresses)', hidden: true }
                : { label: t, hidden: false });
        else {
            const group = groupOf(t.toLowerCase());
            const entry = groups.get(group.key) ?? { group, names: [] };
            entry.names.push(t);
            groups.set(group.key, entry);
        }
    }
    for (const { group, names } of groups.values())
        for (const name of names) {
            const own = groupOf(name.toLowerCase());
            const visible = own.plausible && names.length <= MAX_NAMES_PER_DOMAIN;
            shown.set(name, visible ? { label: name, hidden: false } : { label: group.label, hidden: true });
        }
    return shown;
}
/** The ports to print and how many more there were. */
function shownPorts(ports, detail) {
    if (detail === 'full' || ports.length <= MAX_PORTS)
        return { ports, morePorts: 0 };
    return { ports: ports.slice(0, MAX_PORTS), morePorts: ports.length - MAX_PORTS };
}

/**
 * Requests refused by `allow-urls` rules: the method and path of each, read from Squid's
 * `%ru`, and what the report may print of a path. A path is chosen by the command, so under
 * `report-detail: domains` it is printed as privacy.ts prints names: a segment only when it
 * reads like one a person chose, a few segments, a few distinct paths per host; everything
 * else is counted. The query string is never kept (Squid strips it from its log too).
 */
const MAX_PATH = 300;
const METHOD = /^[A-Z]{1,12}$/;
/** RFC 3986 path characters; anything else in a logged path is percent-encoded. */
const PATH_CHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@/%]/;
/** `GET` and `http://host/a/b?q` (or `https://host:8443/a`) -> the method and `/a/b`. */
function requestLine(method, url) {
    if (!METHOD.test(method) || method === 'CONNECT')
        return undefined;
    const m = /^https?:\/\/[^/?#]*(\/[^?#]*)?/i.exec(url);
    if (!m)
        return undefined;
    const raw = m[1] ?? '/';
    const path = [...raw]
        .map((c) => (PATH_CHAR.test(c) ? c : encodeURIComponent(c)))
        .join('')
        .slice(0, MAX_PATH);
    return { method, path };
}
/** Segments printed of a path, and distinct paths printed per host, under `domains`. */
const MAX_SEGMENTS = 6;
const MAX_PATHS_PER_HOST = 5;
const HIDDEN_SEGMENT = '(hidden)';
/** A path segment a person could have chosen: its words (split at . _ -) each plausible. */
function plausibleSegment(segment) {
    if (segment === '')
        return true;
    if (segment.length > 40 || !/^[A-Za-z0-9._-]+$/.test(segment))
        return false;
    return segment
        .toLowerCase()
        .split(/[._-]+/)
        .every((word) => word === '' || plausibleLabel(word));
}
/** The path as it may be printed, and whether any of it was left out. */
function shownPath$1(path, detail) {
    if (detail === 'full')
        return { path, hidden: false };
    const segments = path.split('/').slice(1);
    const kept = segments
        .slice(0, MAX_SEGMENTS)
        .map((s) => (plausibleSegment(s) ? s : HIDDEN_SEGMENT));
    const more = segments.length > MAX_SEGMENTS;
    return {
        path: `/${kept.join('/')}${more ? '/…' : ''}`,
        hidden: more || kept.includes(HIDDEN_SEGMENT)
    };
}
function ruleFor(r) {
    const defaultPort = r.protocol === 'https' ? 443 : 80;
    const port = r.port === undefined || r.port === defaultPort ? '' : `:${r.port}`;
    return `${r.method} ${r.protocol}://${r.host}${port}${r.path}`;
}
/** Blocked requests to hosts that allow-urls governs, grouped as the report may show them. */
function refusedRequests(events, urlHosts, detail) {
    const byHost = new Map();
    for (const e of events) {
        if (e.decision !== 'blocked' || !e.request || !urlHosts.includes(e.target))
            continue;
        const protocol = e.protocol === 'https' ? 'https' : 'http';
        const shown = shownPath$1(e.request.path, detail);
        const key = `${e.request.method} ${protocol} ${e.port ?? ''} ${shown.path}`;
        const group = byHost.get(e.target) ?? new Map();
        const prev = group.get(key);
        group.set(key, {
            host: e.target,
            port: e.port,
            protocol,
            method: e.request.method,
            path: shown.path,
            hidden: shown.hidden,
            count: (prev?.count ?? 0) + 1
        });
        byHost.set(e.target, group);
    }
    const out = [];
    for (const group of byHost.values()) {
        const all = [...group.values()];
        const counted = detail === 'domains' && all.length > MAX_PATHS_PER_HOST;
        const listed = counted
            ? [
                {
                    ...all[0],
                    method: '',
                    path: '',
                    count: all.reduce((n, r) => n + r.count, 0),
                    hidden: true
                }
            ]
            : all;
        for (const { hidden, ...r } of listed)
            out.push(hidden ? r : { ...r, suggestion: ruleFor(r) });
    }
    return out.sort((a, b) => b.count - a.count || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
}
const MAX_REFUSED_ROWS = 50;
const requestShown = (r) => r.method === '' ? 'paths counted, not shown' : `${r.method} ${r.path}`;
/** The CLI report's lines. Control characters are shown escaped. */
function refusedRequestsText(refused) {
    const safe = (t) => JSON.stringify(t).slice(1, -1);
    return refused
        .slice(0, MAX_REFUSED_ROWS)
        .map((r) => `  REFUSED  ${safe(r.host)}  ${safe(requestShown(r))}  x${r.count}${r.suggestion ? `  (to allow: --allow-urls '${safe(r.suggestion)}')` : ''}`);
}

/**
 * One typed, ordered list of what the agent tried, from every layer's log: Squid's access log,
 * the DNS forwarder's query log, and the kernel log lines our LOG rules write. Pure: the
 * sandbox reads the files and hands the text here.
 */
const HOST = /^[A-Za-z0-9._:[\]-]{1,253}$/;
const isSandboxOwn = (scope, name, timeMs) => scope.internalNames.includes(name) && timeMs < scope.commandStartMs;
const REFUSAL_REASONS = {
    'sni-mismatch': 'sni-mismatch: the TLS server name is not one the tunnel was allowed for',
    'no-sni': 'no-sni: TLS without a server name',
    'not-tls': 'not-tls: a tunnel that did not start with TLS',
    'untrusted-server': "untrusted-server: an intercepted host's certificate could not be verified (its CA may belong in ca-certificates)"
};
const decodeName = (raw) => {
    try {
        const name = decodeURIComponent(raw).toLowerCase();
        return HOST.test(name) ? name : '(unreadable name)';
    }
    catch {
        return '(unreadable name)';
    }
};
/** Why the peeking port closed a tunnel, from the line's error code and bump action. */
function refusalOf(error, bump, sni) {
    if (error === 'ERR_PROTOCOL_UNKNOWN')
        return 'not-tls';
    // An intercepted host's server failed verification: nothing was sent to it.
    if (error === 'ERR_SECURE_CONNECT_FAIL')
        return 'untrusted-server';
    if (bump === 'terminate')
        return sni === undefined ? 'no-sni' : 'sni-mismatch';
    return undefined;
}
/**
 * A line of the peeking port (SQUID_TLS_PORT; the client is the agent port's own hop on
 * loopback): refusals at the ClientHello, and server names that differ from the CONNECT host
 * (so that audit mode suggests them too). `%#ssl::>sni %ssl::bump_mode %>lp` close the line.
 */
function tunnelCheckEvent(f, scope) {
    const [time = '', , status = '', , host = '', port = '', , , error = ''] = f;
    const [sniField = '-', bump = '-'] = f.slice(-3);
    const timeMs = Number(time) * 1000;
    if (isSandboxOwn(scope, host, timeMs))
        return undefined;
    const sni = sniField === '-' ? undefined : decodeName(sniField);
    const refusal = refusalOf(error, bump, sni);
    const spliced = bump === 'splice' && status.startsWith('TCP_TUNNEL/');
    if (!refusal && !(spliced && sni !== undefined && sni !== host.toLowerCase()))
        return undefined;
    return {
        time: Math.round(timeMs),
        layer: 'proxy',
        decision: refusal ? 'blocked' : 'allowed',
        target: sni ?? (HOST.test(host) ? host : '(unreadable host)'),
        port: /^\d+$/.test(port) ? Number(port) : undefined,
        protocol: 'https',
        reason: refusal ? REFUSAL_REASONS[refusal] : 'server name inside an allowed tunnel',
        ...(refusal ? { tunnelRefusal: refusal } : {})
    };
}
/**
 * A request inside an intercepted (bumped) tunnel, as the peeking port logged it: allowed, or
 * refused by the allow-urls rules of its host.
 */
function interceptedRequestEvent(f, scope) {
    const [time = '', , status = '', method = '', host = '', port = '', , , error = '', url = ''] = f;
    const timeMs = Number(time) * 1000;
    if (isSandboxOwn(scope, host, timeMs) || !HOST.test(host))
        return undefined;
    const request = requestLine(method, url);
    if (!request)
        return undefined;
    const denied = status.includes('DENIED');
    const ok = !denied && /^[23]/.test(status.split('/')[1] ?? '');
    // The server failed verification before the request was sent (nothing reached it).
    const untrusted = error === 'ERR_SECURE_CONNECT_FAIL';
    return {
        time: Math.round(timeMs),
        layer: 'proxy',
        decision: ok ? 'allowed' : 'blocked',
        target: host.toLowerCase(),
        port: /^\d+$/.test(port) ? Number(port) : undefined,
        protocol: 'https',
        reason: untrusted
            ? REFUSAL_REASONS['untrusted-server']
            : denied
                ? `request denied by allow-urls (${error})`
                : status,
        request,
        ...(untrusted ? { tunnelRefusal: 'untrusted-server' } : {})
    };
}
/**
 * `%ts.%03tu %>a %Ss/%03>Hs %rm %>rd %>rP %<a %st %err_code %ru %#ssl::>sni %ssl::bump_mode %>lp`
 * (docs/squid-log-format.md). Lines of the peeking port carry the tunnel checks and the
 * requests of intercepted tunnels.
 */
function parseSquidLog(text, scope) {
    const events = [];
    for (const line of text.split('\n')) {
        const f = line.split(' ');
        if (f.length >= 13 && f[1] === '127.0.0.1' && f.at(-1) === String(SQUID_TLS_PORT)) {
            const tunnel = f[3] !== 'CONNECT' && /^https:\/\//.test(f[9] ?? '')
                ? interceptedRequestEvent(f, scope)
                : tunnelCheckEvent(f, scope);
            if (tunnel)
                events.push(tunnel);
            continue;
        }
        if (f.length < 10 || f[1] !== scope.agentIp)
            continue;
        const [time, , status = '', method = '', host = '', port = '', server = '', , error = '', url = ''] = f;
        if (isSandboxOwn(scope, host, Number(time) * 1000))
            continue;
        const [squidStatus = '', httpStatus = ''] = status.split('/');
        const denied = squidStatus.includes('DENIED');
        const invalid = host === '-';
        const ok = !denied && !invalid && /^[23]/.test(httpStatus);
        const byParent = !ok && !denied && !invalid && server === scope.upstreamProxy;
        events.push({
            time: Math.round(Number(time) * 1000),
            layer: 'proxy',
            decision: ok ? 'allowed' : 'blocked',
            target: invalid ? '(not a proxy request)' : HOST.test(host) ? host : '(unreadable host)',
            port: /^\d+$/.test(port) ? Number(port) : undefined,
            protocol: method === 'CONNECT' ? 'https' : 'http',
            reason: invalid
                ? 'direct connection redirected to the proxy'
                : denied
                    ? `denied by policy (${error})`
                    : byParent
                        ? `refused by the upstream proxy ${server} (HTTP ${httpStatus})`
                        : status,
            ...(invalid ? {} : requestField(method, url))
        });
    }
    return events;
}
function requestField(method, url) {
    const request = requestLine(method, url);
    return request ? { request } : {};
}
/**
 * `log-queries=extra` lines, stamped by the proxy's entrypoint with the epoch time:
 * `<epoch> dnsmasq[pid]: <serial> <client>/<port> query[A] <name> from <client>`, then
 * `config <name> is NXDOMAIN` (refused) or `forwarded <name> to <upstream>` / `cached` (allowed).
 */
function parseDnsmasqLog(text, scope) {
    const pending = new Map();
    const events = [];
    for (const line of text.split('\n')) {
        const m = /^(\d+\.\d+) dnsmasq\[\d+\]: (\d+) ([\d.]+)\/\d+ (.*)$/.exec(line);
        if (!m || m[3] !== scope.agentIp)
            continue;
        const [, stamp = '', serial = '', , rest = ''] = m;
        const query = /^query\[(\w+)\] (\S+) from /.exec(rest);
        if (query) {
            pending.set(serial, {
                time: Math.round(Number(stamp) * 1000),
                name: query[2].toLowerCase(),
                type: query[1]
            });
            continue;
        }
        const q = pending.get(serial);
        if (!q || isSandboxOwn(scope, q.name, q.time))
            continue;
        const refused = new RegExp(`^config \\S+ is (NXDOMAIN|NODATA)`).exec(rest);
        const forwarded = /^(forwarded \S+ to |cached \S+ is )/.test(rest);
        if (!refused && !forwarded)
            continue;
        pending.delete(serial);
        // An AAAA query for an allowed name answers NODATA by design: not a block.
        if (refused?.[1] === 'NODATA')
            continue;
        events.push({
            time: q.time,
            layer: 'dns',
            decision: forwarded ? 'allowed' : 'blocked',
            target: HOST.test(q.name) ? q.name : '(unreadable name)',
            port: 53,
            protocol: 'dns',
            reason: forwarded ? `${q.type} query forwarded` : `${q.type} query refused (NXDOMAIN)`
        });
    }
    return events;
}
/** The line the sandbox writes to the kernel log as it releases the command. */
const commandStartMark = (runId) => `awf-${runId}-command-start`;
/**
 * When the command was released, in the kernel log's own clock (seconds since boot), from the
 * run's mark; undefined when the log holds none. The canary's probes are told from the
 * command's by this rather than by converting kernel times to wall-clock time (boot time from
 * /proc/uptime, in hundredths, and a kernel clock that is not the wall clock): that conversion
 * was once seen to put the command's first packet before its start, and the two are only
 * milliseconds apart.
 */
function commandStartSeconds(text, runId) {
    const mark = new RegExp(`^\\[\\s*([\\d.]+)\\] ${commandStartMark(runId)}$`, 'm');
    const m = mark.exec(text);
    return m ? Number(m[1]) : undefined;
}
/** `[ 5449.69] awf-<run>-<layer>-drop: IN= OUT=eth0 SRC=... DST=... PROTO=TCP ... DPT=4242` */
function parseKernelLog(text, scope) {
    const events = [];
    const re = new RegExp(`^\\[\\s*([\\d.]+)\\] awf-${scope.runId}-(host|runner|ipv6|agent)-drop: (.*)$`);
    const startSeconds = commandStartSeconds(text, scope.runId);
    const beforeCommand = (seconds, time) => startSeconds === undefined ? time < scope.commandStartMs : seconds < startSeconds;
    for (const line of text.split('\n')) {
        const m = re.exec(line.trim());
        if (!m)
            continue;
        const fields = new Map((m[3] ?? '').split(' ').flatMap((kv) => {
            const eq = kv.indexOf('=');
            return eq > 0 ? [[kv.slice(0, eq), kv.slice(eq + 1)]] : [];
        }));
        const proto = (fields.get('PROTO') ?? 'other').toLowerCase();
        const dst = fields.get('DST') ?? '?';
        const dpt = fields.get('DPT');
        const time = Math.round(scope.bootTimeMs + Number(m[1]) * 1000);
        // The canary's own probe, only before the command starts: the same later is the command's.
        if (scope.internalEndpoints.includes(`${dst}:${dpt}`) && beforeCommand(Number(m[1]), time))
            continue;
        events.push({
            time,
            layer: m[2],
            decision: 'blocked',
            target: dst === '127.0.0.11' ? "Docker's embedded resolver" : dst,
            port: dpt ? Number(dpt) : undefined,
            protocol: proto === 'tcp' || proto === 'udp' || proto === 'icmp' ? proto : 'other',
            reason: `dropped by the ${m[2]} rules`
        });
    }
    return events;
}
function mergeEvents(...lists) {
    return lists.flat().sort((a, b) => a.time - b.time);
}

const NO_INTEGRITY_DATA = { drops: [], ownDrops: {}, unread: [] };
function unlistedCounts(events, integrity) {
    const out = [];
    for (const d of integrity.drops) {
        const logged = events.filter((e) => e.layer === d.layer && e.decision === 'blocked').length;
        const missing = d.packets - logged - (integrity.ownDrops[d.layer] ?? 0);
        if (missing > 0)
            out.push({
                decision: 'blocked',
                layer: d.layer,
                count: missing,
                atLeast: !d.final,
                why: `packets dropped by the ${d.layer} rules that the rate-limited drop log does not show`
            });
    }
    for (const u of integrity.unread) {
        const why = `in the part of ${u.file} past what the report reads (${u.readBytes} of ${u.totalBytes} bytes)`;
        if (u.blocked > 0)
            out.push({ decision: 'blocked', layer: u.layer, count: u.blocked, atLeast: false, why });
        if (u.allowed > 0)
            out.push({ decision: 'allowed', layer: u.layer, count: u.allowed, atLeast: false, why });
    }
    return out;
}
/** One line per count, for the summary and the CLI report. */
function unlistedLine(u) {
    return `${u.atLeast ? 'at least ' : ''}${u.count} ${u.decision} attempt(s) ${u.why}`;
}

/**
 * From events to what a person reads: per-destination rows, the blocked destinations with the
 * exact line that would allow them (or why none can), and whether the run passes the
 * fail-on-blocked rule. Names are shown as privacy.ts allows (report-detail); every target
 * here is what may be printed. Pure data; rendering is in summary.ts.
 */
function suggest(target, ports) {
    if (parseIpLiteral(target))
        return {
            advice: 'an IP address: clients must use a name; for a private network, see allow-networks'
        };
    const psl = parse(target, { allowPrivateDomains: true });
    if (psl.publicSuffix === target && (psl.isIcann || psl.isPrivate))
        return { advice: 'a public suffix cannot be allowed' };
    if (!/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(target))
        return { advice: 'not a domain name the policy can allow' };
    const odd = ports.filter((p) => p !== 80 && p !== 443 && p !== 53);
    return { suggestion: odd.length === 1 ? `${target}:${odd[0]}` : target };
}
const uniqueSorted = (items) => [...new Set(items)].sort();
const sortedPorts = (list) => uniqueSorted(list.map((e) => e.port).filter((p) => p !== undefined)).sort((a, b) => a - b);
/** Events grouped by what may be printed of their target. */
function groupByShownTarget(events, detail) {
    const show = showTargets(events.map((e) => e.target), detail);
    const groups = new Map();
    for (const e of events) {
        const s = show.get(e.target) ?? { label: e.target, hidden: false };
        const key = `${s.hidden ? 'hidden' : 'name'}:${s.label}`;
        const g = groups.get(key) ?? { target: s.label, hidden: s.hidden, events: [], names: new Set() };
        g.events.push(e);
        g.names.add(e.target);
        groups.set(key, g);
    }
    return [...groups.values()];
}
const URL_ADVICE = 'a host allow-urls governs: only requests its rules match pass; see the refused requests for the rules that would allow them';
function blockedEntry(g, detail, expectedBlocks, urlHosts) {
    const blockedEvents = g.events.filter((e) => e.decision === 'blocked');
    const all = sortedPorts(blockedEvents);
    const hidden = g.hidden ? new Set(blockedEvents.map((e) => e.target)).size : 0;
    return {
        target: g.target,
        ...shownPorts(all, detail),
        layers: uniqueSorted(blockedEvents.map((e) => e.layer)),
        hidden,
        ...(urlHosts.includes(g.target)
            ? { advice: URL_ADVICE }
            : g.hidden
                ? {
                    advice: `${hidden} name(s) hidden (random-looking, or many under one domain): see events.jsonl in the logs, or set report-detail: full`
                }
                : suggest(g.target, all)),
        expected: [...new Set(blockedEvents.map((e) => e.target))].every((name) => expectedBlocks.some((rule) => matchesDomain(rule, name)))
    };
}
function buildReport(events, expectedBlocks = [], detail = 'domains', integrity = NO_INTEGRITY_DATA, urlHosts = []) {
    const unlisted = unlistedCounts(events, integrity);
    const more = (decision) => unlisted.filter((u) => u.decision === decision).reduce((sum, u) => sum + u.count, 0);
    const groups = groupByShownTarget(events, detail);
    const rowOf = (g) => ({
        target: g.target,
        allowed: g.events.filter((e) => e.decision === 'allowed').length,
        blocked: g.events.filter((e) => e.decision === 'blocked').length,
        ...shownPorts(sortedPorts(g.events), detail),
        layers: uniqueSorted(g.events.map((e) => e.layer)),
        hidden: g.hidden ? g.names.size : 0
    });
    const sorted = groups
        .map((g) => ({ g, row: rowOf(g) }))
        .sort(({ row: a }, { row: b }) => b.blocked - a.blocked || b.allowed - a.allowed || (a.target < b.target ? -1 : 1));
    const rows = sorted.map(({ row }) => row);
    const blocked = sorted
        .filter(({ row }) => row.blocked > 0)
        .map(({ g }) => blockedEntry(g, detail, expectedBlocks, urlHosts));
    return {
        rows,
        blocked,
        allowedTargets: uniqueSorted(rows.filter((r) => r.allowed > 0).map((r) => r.target)),
        blockedTargets: uniqueSorted(blocked.map((b) => b.target)),
        unlisted,
        refused: refusedRequests(events, urlHosts, detail),
        totals: {
            allowed: events.filter((e) => e.decision === 'allowed').length + more('allowed'),
            blocked: events.filter((e) => e.decision === 'blocked').length + more('blocked')
        }
    };
}
/** Blocked destinations that fail the step under fail-on-blocked. */
function unexpectedBlocks(report) {
    return report.blocked.filter((b) => !b.expected);
}

const HEADLINE$2 = {
    fail: 'The command left git metadata that would make a later git command run a program, so the step fails (git-integrity: fail)',
    warn: 'The command left git metadata that would make a later git command run a program (git-integrity: warn)'
};
function gitFindingsText(facts) {
    if (!facts || facts.lines.length === 0)
        return [];
    const safe = (t) => JSON.stringify(t).slice(1, -1);
    return [`${HEADLINE$2[facts.mode]}:`, ...facts.lines.map((l) => `  ${safe(l)}`)];
}
/** Why the step fails, when it does. */
function gitFailure(facts, total) {
    if (facts.mode !== 'fail' || total === 0)
        return undefined;
    return `git-integrity: the command left ${total} thing(s) in the workspace's git metadata that a later git command would run (${facts.lines.slice(0, 3).join('; ')}). See the summary and git-integrity.json in the logs; set git-integrity: warn to report without failing.`;
}

/**
 * How the summary and the CLI report name the hosts whose TLS the proxy decrypted (issue 16:
 * `credentials` and HTTPS `allow-urls` rules), and the headers it set on them, so that a reader
 * of the report knows which traffic passed through the run's own CA.
 */
const HEADLINE$1 = "decrypted by the proxy with this run's CA";
function hostText(h, show) {
    const sets = h.headers.length > 0 ? ` (sets ${h.headers.map(show).join(', ')})` : '';
    return `${show(h.host)}${sets}`;
}
function interceptedText(hosts, show) {
    if (!hosts?.length)
        return [];
    return [`${HEADLINE$1}: ${hosts.map((h) => hostText(h, show)).join(', ')}`];
}

/**
 * How the summary and the CLI report say that a run was topology-only (the Docker daemon was
 * elsewhere, so no host rule was applied) and which checks it could not make.
 */
const HEADLINE = 'topology-only: the Docker daemon is not on this runner, so no host firewall rules were applied; enforced by the internal network, Squid, the DNS forwarder, the container rules, capabilities and seccomp';
function topologyOnlyText(facts) {
    if (!facts)
        return [];
    return [`${HEADLINE} (${facts.why})`, ...facts.notChecked.map((c) => `  not checked: ${c}`)];
}

/**
 * The job summary (markdown), the CLI's text report and the annotations, from a Report.
 * Every value that came from the agent's traffic is escaped: a hostname cannot add markdown,
 * HTML or a workflow command to what we print.
 */
const imageLine = (i) => `${i.kind} image ${i.ref} (${i.source})`;
const HOST_FIREWALL_OFF = 'host-firewall off: no host iptables rules; enforced by the internal network, Squid, the DNS forwarder, the container rules, capabilities and seccomp';
const MAX_ROWS = 50;
const MAX_ANNOTATIONS = 10;
const hiddenNote = (hidden) => hidden === 0 ? '' : ` (${hidden} name${hidden === 1 ? '' : 's'} hidden)`;
const portList = (p, none, separator = ', ') => p.ports.length === 0
    ? none
    : `${p.ports.join(separator)}${p.morePorts ? ` +${p.morePorts} more` : ''}`;
const HIDDEN_EXPLAINED = 'Names that look random, or many under one domain, are counted rather than shown (report-detail: domains): a command could hide data in them. events.jsonl in the logs folder has every name.';
/** Plain text for the CLI. Control characters are shown escaped. */
function renderTextReport(report, facts) {
    const safe = (t) => JSON.stringify(t).slice(1, -1);
    const lines = [
        `enforcement verified: ${facts.checks.length}/${facts.checks.length} checks; ${report.totals.allowed} allowed, ${report.totals.blocked} blocked`,
        ...(facts.hostFirewall === false && !facts.topologyOnly ? [HOST_FIREWALL_OFF] : []),
        ...topologyOnlyText(facts.topologyOnly).map(safe),
        ...interceptedText(facts.intercepted, safe),
        ...(facts.firewallFailure === undefined
            ? []
            : [
                `the firewall failed during the run, so the command was killed (exit code ${ExitCode.sandbox}): ${facts.firewallFailure}`
            ]),
        ...(facts.timedOutMinutes === undefined
            ? []
            : [
                `the command was killed after ${facts.timedOutMinutes} min (agent-timeout): exit code ${ExitCode.timeout}`
            ]),
        ...(facts.presets ?? []).map((p) => `preset @${p.name} = ${p.domains.join(' ')}`),
        ...gitFindingsText(facts.git),
        ...report.unlisted.map((u) => `counted, not itemised: ${unlistedLine(u)}`),
        ...(facts.images ?? []).map(imageLine)
    ];
    for (const r of report.rows.slice(0, MAX_ROWS))
        lines.push(`  ${r.blocked > 0 ? 'BLOCKED' : 'allowed'}  ${safe(r.target)}${hiddenNote(r.hidden)}  ports ${portList(r, '-', ',')}  (${r.layers.join(', ')})`);
    if (report.rows.length > MAX_ROWS)
        lines.push(`  … and ${report.rows.length - MAX_ROWS} more`);
    lines.push(...refusedRequestsText(report.refused));
    if (report.rows.some((r) => r.hidden > 0))
        lines.push(HIDDEN_EXPLAINED);
    const suggestions = report.blocked.flatMap((b) => (b.suggestion ? [b.suggestion] : []));
    if (suggestions.length > 0)
        lines.push(`to allow: --allow-domains ${suggestions.map(safe).join(',')}`);
    return `${lines.join('\n')}\n`;
}
/** One annotation per blocked destination (bounded), with the line to add or why there is none. */
function blockedAnnotations(report) {
    const safe = (t) => JSON.stringify(t).slice(1, -1);
    const list = report.blocked.filter((b) => !b.expected);
    const out = list.slice(0, MAX_ANNOTATIONS).map((b) => ({
        title: `awf-action blocked ${safe(b.target)}${hiddenNote(b.hidden)}`,
        message: b.hidden > 0
            ? `${b.hidden} name(s) counted under ${safe(b.target)} (ports ${portList(b, '-')}) were blocked by the ${b.layers.join(' and ')} layer. ${HIDDEN_EXPLAINED}`
            : `${safe(b.target)} (ports ${portList(b, '-')}) was blocked by the ${b.layers.join(' and ')} layer. ` +
                (b.suggestion
                    ? `To allow it, add this line to allow-domains: ${safe(b.suggestion)}`
                    : `It cannot simply be allowed: ${b.advice ?? ''}.`)
    }));
    if (list.length > MAX_ANNOTATIONS)
        out.push({
            title: 'awf-action blocked more',
            message: `${list.length - MAX_ANNOTATIONS} more destinations were blocked; see the job summary.`
        });
    for (const u of report.unlisted.filter((x) => x.decision === 'blocked'))
        out.push({
            title: 'awf-action counted blocks it cannot itemise',
            message: `${unlistedLine(u)}.`
        });
    return out;
}

/**
 * Audit mode's result: the smallest allow list that covers what the command reached. Hosts
 * under one registrable domain collapse into it when there are several (the Public Suffix List
 * says what is registrable), or, with report-detail domains, when one of them looks like data
 * rather than a host name (the suggestion is printed in the summary and an output); a
 * registrable domain that itself looks like data is left out and counted in a comment. Every
 * suggestion passes the same validator as user input.
 */
/** Distinct hosts under one registrable domain from which the domain itself is suggested. */
const COLLAPSE_AT = 3;
const plausibleUnder = (host, domain) => host === domain ||
    host
        .slice(0, -domain.length - 1)
        .split('.')
        .every(plausibleLabel);
function suggestPolicy(events, detail = 'domains') {
    const reached = events.filter((e) => e.layer === 'proxy' && e.decision === 'allowed');
    const hostsByDomain = new Map();
    const entries = [];
    for (const e of reached) {
        const port = e.port === undefined || e.port === 80 || e.port === 443 ? '' : `:${e.port}`;
        const registrable = getDomain(e.target, { allowPrivateDomains: true }) ?? e.target;
        if (port) {
            const hiding = detail === 'domains' && !plausibleUnder(e.target, registrable);
            entries.push(`${hiding ? registrable : e.target}${port}`);
            continue;
        }
        hostsByDomain.set(registrable, (hostsByDomain.get(registrable) ?? new Set()).add(e.target));
    }
    for (const [domain, hosts] of hostsByDomain) {
        const hiding = detail === 'domains' && [...hosts].some((h) => !plausibleUnder(h, domain));
        entries.push(...(hosts.size >= COLLAPSE_AT || hiding ? [domain] : hosts));
    }
    // Default-port entries cannot overlap (one per registrable domain or host under it); an entry
    // the validator refuses (an IP, say) is never suggested.
    const valid = [...new Set(entries)]
        .filter((entry) => !('message' in parseDomainEntry(entry, 'suggestion')))
        .sort();
    const host = (entry) => entry.replace(/:\d+$/, '');
    const shown = showTargets(valid.map(host), detail);
    const kept = valid.filter((entry) => !shown.get(host(entry))?.hidden);
    const left = valid.length - kept.length;
    const yaml = (kept.length === 0
        ? 'allow-domains: []\n'
        : `allow-domains:\n${kept.map((e) => `  - ${e}`).join('\n')}\n`) +
        (left > 0
            ? `# ${left} random-looking domain(s) left out (report-detail: domains); events.jsonl in the logs folder has them\n`
            : '');
    return { entries: kept, yaml };
}

/**
 * The part of a log past what the collector reads is still counted, line by line, with as
 * little state as possible: every allowed and blocked attempt of the agent, without detail.
 */
/** Squid's lines stand alone: the same parser, kept only as counts. */
function countSquidLines(text, scope) {
    const events = parseSquidLog(text, scope);
    const blocked = events.filter((e) => e.decision === 'blocked').length;
    return { allowed: events.length - blocked, blocked };
}
/**
 * dnsmasq logs a query and its answer on separate lines: a query is refused when its answer is
 * `config <name> is NXDOMAIN`, not a block when `NODATA` (AAAA for an allowed name), allowed
 * otherwise. Counted by kind, so a chunk boundary between a query and its answer loses nothing.
 */
function countDnsmasqLines(text, scope) {
    let queries = 0;
    let refused = 0;
    let nodata = 0;
    for (const line of text.split('\n')) {
        const m = /^\d+\.\d+ dnsmasq\[\d+\]: \d+ ([\d.]+)\/\d+ (.*)$/.exec(line);
        if (!m || m[1] !== scope.agentIp)
            continue;
        const rest = m[2] ?? '';
        if (/^query\[\w+\] \S+ from /.test(rest))
            queries++;
        else if (/^config \S+ is NXDOMAIN/.test(rest))
            refused++;
        else if (/^config \S+ is NODATA/.test(rest))
            nodata++;
    }
    return { allowed: Math.max(0, queries - refused - nodata), blocked: refused };
}

/**
 * The raw values of one run, keyed by the action's input names (action.yml). The action reads
 * them with @actions/core; the CLI fills the same record from flags of the same names. Nothing
 * here is validated yet: src/run/settings.ts does that, once, for both.
 */
/** Inputs that hold text (blank = not given). */
const TEXT_INPUTS = [
    'allow-domains',
    'block-domains',
    'policy',
    'dns-servers',
    'allow-networks',
    'mode',
    'base-image',
    'proxy-image',
    'image-registry',
    'agent-image',
    'home-config',
    'env',
    'allow-host-ports',
    'allow-urls',
    'agent-timeout',
    'memory-limit',
    'pids-limit',
    'host-firewall',
    'docker-daemon',
    'expected-blocks',
    'protect-git',
    'git-integrity',
    'address-pool',
    'report-detail',
    'upstream-proxy',
    'upstream-proxy-auth',
    'tls-without-sni',
    'credentials',
    'ca-certificates'
];
/** Inputs that are booleans (action.yml gives each a default). */
const BOOLEAN_INPUTS = ['tty', 'fail-on-blocked'];

/**
 * Where the runner keeps its things, worked out from facts that do not depend on how the
 * action was started: the step's environment, the Node binary's path, the paths of runner
 * processes seen on the machine and the unix sockets bound on it. Pure: the sandbox gathers
 * the observations (src/sandbox/runner-facts.ts) and adds them with `withObservations`.
 */
/** The runner's programs live in `<root>/bin`; Node for actions in `<root>/externals/`. */
const RUNNER_PROGRAMS = /\/bin\/Runner\.(Worker|Listener)$/;
const absolute = (p) => 
// eslint-disable-next-line no-control-regex
p && isAbsolute(p) && !/[\u0000-\u001f]/.test(p)
    ? normalize(p).replace(/(.)\/+$/, '$1')
    : undefined;
const under = (path, dir) => path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
const distinct = (paths) => [...new Set(paths.filter((p) => !!p && p !== '/'))].sort();
/** Keeps the outermost of nested folders (hiding a folder hides what it holds). */
function outermost(paths) {
    const set = distinct(paths);
    return set.filter((p) => !set.some((q) => q !== p && under(p, q)));
}
/** The work folder from each variable the runner sets inside it. */
function workFoldersFrom(env) {
    const found = [];
    const workspace = absolute(env.RUNNER_WORKSPACE);
    if (workspace)
        found.push(dirname(workspace));
    const temp = absolute(env.RUNNER_TEMP);
    if (temp && basename(temp) === '_temp')
        found.push(dirname(temp));
    const cache = absolute(env.RUNNER_TOOL_CACHE);
    if (cache && basename(cache) === '_tool')
        found.push(dirname(cache));
    // <work>/<repository>/<repository>: only that shape is trusted to name the work folder.
    const checkout = absolute(env.GITHUB_WORKSPACE);
    if (checkout && basename(checkout) === basename(dirname(checkout)))
        found.push(dirname(dirname(checkout)));
    return outermost(found);
}
/** The runner's paths the plan needs, read from the step's environment and our Node's path. */
function runnerPathsFrom(env, execPath) {
    // Actions run on the runner's own Node: <runner>/externals/node24/bin/node.
    const externals = execPath.lastIndexOf('/externals/');
    const root = externals > 0 ? absolute(execPath.slice(0, externals)) : undefined;
    const work = workFoldersFrom(env);
    return {
        runnerHome: env.HOME || '/',
        toolCache: env.RUNNER_TOOL_CACHE || undefined,
        eventPath: env.GITHUB_EVENT_PATH || undefined,
        runnerRoots: distinct([
            root,
            ...work.filter((w) => basename(w) === '_work').map((w) => dirname(w))
        ]),
        workFolders: outermost([...work, root && `${root}/_work`]),
        commandFiles: [
            'GITHUB_ENV',
            'GITHUB_PATH',
            'GITHUB_OUTPUT',
            'GITHUB_STATE',
            'GITHUB_STEP_SUMMARY'
        ]
            .map((k) => env[k])
            .filter((v) => !!v),
        dockerHost: env.DOCKER_HOST || undefined,
        pathDirs: [
            ...new Set((env.PATH ?? '')
                .split(':')
                .map(absolute)
                .filter((p) => !!p))
        ]
    };
}
/**
 * Adds what was seen on the machine: every runner process's installation folder and its
 * default work folder (other services' jobs are not this job's business), and bound sockets.
 */
function withObservations(paths, seen) {
    const roots = (seen.runnerExes ?? [])
        .map(absolute)
        .map((exe) => (exe && RUNNER_PROGRAMS.test(exe) ? dirname(dirname(exe)) : undefined));
    return {
        ...paths,
        runnerRoots: distinct([...(paths.runnerRoots ?? []), ...roots]),
        workFolders: outermost([
            ...(paths.workFolders ?? []),
            ...roots.map((root) => root && `${root}/_work`)
        ]),
        sockets: distinct([
            ...(paths.sockets ?? []),
            ...(seen.sockets ?? []).map(absolute).filter((p) => !!p)
        ])
    };
}
/**
 * Socket paths from /proc/net/unix: the path is everything after the seventh column (it may
 * hold spaces); abstract sockets (`@name`) have no file to hide.
 */
function socketPathsFromProcNetUnix(text) {
    const paths = text
        .split('\n')
        .slice(1)
        .map((line) => /^\s*\S+:(?:\s+\S+){6} (.+)$/.exec(line)?.[1])
        .filter((p) => !!p && p.startsWith('/'));
    return [...new Set(paths)].sort();
}

/**
 * What the command sees of the runner's filesystem: a pure plan over facts about the runner.
 *
 * Host mode (the default) shows the runner's system folders read-only, so tools installed by
 * earlier steps run unchanged; image mode shows only the given image. In both, the workspace,
 * a fresh HOME and a private /tmp are the only writable places (the container's own root is
 * read-only), and every credential, runtime socket and workflow-command file that would fall
 * inside a visible folder is masked.
 */
/** The runner's system folders shown read-only in host mode (when they are real folders). */
const HOST_SYSTEM_DIRS = [
    '/usr',
    '/etc',
    '/opt',
    '/bin',
    '/sbin',
    '/lib',
    '/lib32',
    '/lib64',
    '/libx32'
];
/** Files and folders of the runner's user that hold credentials. */
const HOME_SECRETS = [
    '.docker',
    '.ssh',
    '.aws',
    '.azure',
    '.config/gcloud',
    '.config/gh',
    '.kube',
    '.gnupg',
    '.netrc',
    '.git-credentials',
    '.npmrc',
    '.pypirc'
];
/** The runner's own state: its registration, credentials and diagnostic logs. */
const RUNNER_SECRETS = [
    '.credentials',
    '.credentials_rsaparams',
    '.runner',
    '.env',
    '.path',
    '.service',
    '_diag'
];
/** Container runtime sockets (and the folders holding them). */
const RUNTIME_SOCKETS = [
    '/var/run/docker.sock',
    '/run/docker.sock',
    '/run/containerd',
    '/var/run/containerd',
    '/run/podman',
    '/run/crio',
    '/var/run/crio'
];
/**
 * Container runtime command-line tools: useless without a socket, but the agent gets none at
 * all (each becomes an empty, non-executable file).
 */
const RUNTIME_CLIS = ['docker', 'podman', 'nerdctl', 'ctr', 'crictl', 'buildah'];
const BIN_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];
/** Where the fresh HOME goes when the runner's HOME path cannot be used. */
const FALLBACK_HOME = '/awf/home';
const within = (path, dir) => path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
function checkPath(what, path) {
    if (!isAbsolute(path))
        throw new Error(`${what} must be an absolute path, got ${path}`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(path))
        throw new Error(`${what} contains a control character`);
    return normalize(path).replace(/(.)\/+$/, '$1');
}
/**
 * The mounts planned so far, and whether a runner path would show through them: a path is
 * visible when the deepest mount holding it shows the runner's own folder at the same path.
 */
class MountView {
    binds = [];
    tmpfs = [];
    visible(path) {
        const holding = [
            ...this.binds.map((b) => ({ target: b.target, shows: b.source === b.target })),
            ...this.tmpfs.map((t) => ({ target: t.target, shows: false }))
        ].filter((m) => within(path, m.target));
        const deepest = holding.sort((a, b) => b.target.length - a.target.length)[0];
        return deepest?.shows ?? false;
    }
    show(path, readOnly = true) {
        this.binds.push({ source: path, target: path, readOnly });
    }
    hide(path, kind, emptyFile) {
        if (kind === 'dir')
            this.tmpfs.push({ target: path, readOnly: true, mode: 0o755 });
        else
            this.binds.push({ source: emptyFile, target: path, readOnly: true });
    }
}
/** Places that hold credentials, runtime sockets or workflow-command files. */
function secretPaths(r, runnerHome) {
    return [
        ...HOME_SECRETS.map((p) => posix.join(runnerHome, p)),
        ...(r.runnerRoots ?? []).flatMap((root) => RUNNER_SECRETS.map((p) => posix.join(root, p))),
        // Their folder, or the files themselves where the folder holds the workspace.
        ...r.commandFiles.flatMap((f) => [dirname(f), f]),
        ...RUNTIME_SOCKETS,
        ...BIN_DIRS.flatMap((dir) => RUNTIME_CLIS.map((cli) => `${dir}/${cli}`)),
        `/run/user/${r.uid}`,
        ...(r.dockerHost?.startsWith('unix://') ? [r.dockerHost.slice('unix://'.length)] : []),
        ...(r.sockets ?? [])
    ]
        .filter((p) => isAbsolute(p))
        .map((p) => normalize(p));
}
/**
 * Each runner work folder goes behind an empty read-only tmpfs: other jobs' checkouts,
 * `_temp` (step scripts), `_actions`. A folder holding a system folder (or /) is left alone:
 * it cannot be a work folder, and hiding it would hide the runner's tools.
 */
function hideWorkFolders(r, view) {
    const hidden = [];
    for (const raw of r.workFolders ?? []) {
        const folder = checkPath('the runner work folder', raw);
        if (HOST_SYSTEM_DIRS.some((d) => within(d, folder)) || !view.visible(folder))
            continue;
        if (r.kindOf(folder) !== 'dir')
            continue;
        view.hide(folder, 'dir', r.emptyFile);
        hidden.push(folder);
    }
    return hidden;
}
const SYSTEM_STATE = ['/proc', '/sys', '/dev', '/run', '/var/run'];
/**
 * The runner's PATH folders not shown yet (tools under HOME, the tool cache, GITHUB_PATH
 * additions), read-only at the same path. A folder is refused when it would show more than
 * tools: one holding HOME, the workspace, a runner's folders or the workflow-command files
 * (the runner's temp folder keeps step scripts there), one inside a secret, or system state.
 * A `shims` folder is shown with its version manager's root when that lies under HOME.
 */
function pathDirsToShow(r, x, view) {
    const guarded = [
        x.runnerHome,
        x.workspace,
        x.home,
        ...(r.runnerRoots ?? []),
        ...(r.workFolders ?? []),
        ...r.commandFiles
    ];
    // A version manager's shims (pyenv, rbenv, asdf) re-run the manager from its root, which it
    // finds through HOME: shown with that root under the command's HOME, left out otherwise (the
    // command's PATH then finds the next copy of the tool).
    const toolRoot = (dir) => posix.basename(dir) !== 'shims' ? dir : within(dir, x.runnerHome) ? dirname(dir) : undefined;
    const dirs = (r.pathDirs ?? [])
        .filter((dir) => isAbsolute(dir))
        .map(toolRoot)
        .filter((dir) => dir !== undefined);
    return [...new Set(dirs)].filter((dir) => !guarded.some((p) => within(p, dir)) &&
        ![...x.secrets, ...SYSTEM_STATE].some((s) => within(dir, s)) &&
        !view.visible(dir) &&
        r.kindOf(dir) === 'dir');
}
/** Listed HOME files, minus any inside a credential folder (home-config refuses those too). */
const homeFilesToShow = (r, runnerHome) => (r.homeFiles ?? []).filter((f) => !posix.isAbsolute(f) &&
    !f.split('/').includes('..') &&
    !HOME_SECRETS.some((s) => within(posix.join(runnerHome, f), posix.join(runnerHome, s))));
function planAgentFilesystem(r) {
    const workspace = checkPath('the workspace', r.workspace);
    if (workspace === '/')
        throw new Error('the workspace cannot be / (it would expose everything)');
    const runnerHome = checkPath('HOME', r.runnerHome);
    // HOME keeps its path unless the workspace holds it (a CLI run from the home folder).
    const home = within(runnerHome, workspace) || runnerHome === '/' ? FALLBACK_HOME : runnerHome;
    const secrets = secretPaths(r, runnerHome);
    const view = new MountView();
    const masked = [];
    const homeDirs = [];
    if (r.mode === 'host') {
        for (const dir of HOST_SYSTEM_DIRS)
            if (r.kindOf(dir) === 'dir')
                view.show(dir);
        masked.push(...hideWorkFolders(r, view));
        if (r.toolCache) {
            const cache = checkPath('RUNNER_TOOL_CACHE', r.toolCache);
            if (!view.visible(cache) && !within(cache, workspace) && r.kindOf(cache) === 'dir')
                view.show(cache);
        }
    }
    view.binds.push({ source: r.freshHome, target: home, readOnly: false });
    view.show(workspace, false);
    if (r.eventPath) {
        const event = checkPath('GITHUB_EVENT_PATH', r.eventPath);
        if (!within(event, workspace) && r.kindOf(event) === 'file')
            view.show(event);
    }
    if (r.mode === 'host')
        for (const dir of pathDirsToShow(r, { workspace, runnerHome, home, secrets }, view)) {
            view.show(dir);
            if (within(dir, home) && dir !== home)
                homeDirs.push(posix.relative(home, dir));
        }
    for (const file of homeFilesToShow(r, runnerHome)) {
        if (r.kindOf(posix.join(runnerHome, file)) === 'missing')
            continue;
        view.binds.push({
            source: posix.join(runnerHome, file),
            target: posix.join(home, file),
            readOnly: true
        });
        if (dirname(file) !== '.')
            homeDirs.push(dirname(file));
    }
    view.tmpfs.push({ target: '/tmp', readOnly: false, mode: 0o1777 });
    for (const path of [...new Set(secrets)].sort()) {
        if (!view.visible(path))
            continue;
        // A folder holding the workspace cannot be masked; the mounts above it never hold secrets.
        if (within(workspace, path) || within(home, path))
            continue;
        const kind = r.kindOf(path);
        if (kind === 'missing')
            continue;
        masked.push(path);
        view.hide(path, kind, r.emptyFile);
    }
    return { binds: view.binds, tmpfs: view.tmpfs, home, masked, homeDirs: [...new Set(homeDirs)] };
}
/** In each git folder, what makes git run a program: read-only while the command runs. */
const GIT_PROTECTED = ['config', 'config.worktree', 'commondir', 'hooks', 'info'];
/**
 * Read-only mounts over the workspace's git metadata (`protect-git`), so that the command
 * cannot leave code for a later git command on the runner. Each git folder is also mounted
 * over itself, read-write: a mount point cannot be renamed away and replaced. `.git` files
 * (pointers to a git folder) are read-only too. Only real folders and files are mounted.
 */
function protectGitMounts(workspace, git, kindOf) {
    const root = checkPath('the workspace', workspace);
    const binds = [];
    const bind = (path, readOnly) => {
        const kind = kindOf(path);
        if (within(path, root) && path !== root && (kind === 'dir' || kind === 'file'))
            binds.push({ source: path, target: path, readOnly });
    };
    for (const dir of git.gitDirs.map((d) => posix.join(root, d))) {
        bind(dir, false);
        for (const name of GIT_PROTECTED)
            bind(posix.join(dir, name), true);
    }
    for (const file of git.gitFiles)
        bind(posix.join(root, file), true);
    return binds;
}
/**
 * Root-only files of the runner's system folders (not readable by others: `/etc/shadow`,
 * SSH host keys, `/etc/sudoers`), hidden when the command runs as root, which would
 * otherwise read them as their owner. Folders become empty read-only tmpfs, files the empty
 * file; `found` comes from a scan of the visible folders (src/sandbox/root-only.ts).
 */
function maskRootOnly(found, emptyFile) {
    const binds = [];
    const tmpfs = [];
    const masked = [];
    for (const { path, kind } of [...found].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        if (!isAbsolute(path) || masked.some((m) => within(path, m)))
            continue;
        masked.push(path);
        if (kind === 'dir')
            tmpfs.push({ target: path, readOnly: true, mode: 0o755 });
        else
            binds.push({ source: emptyFile, target: path, readOnly: true });
    }
    return { binds, tmpfs, masked };
}

/**
 * Where the firewall can run, and the refusal, naming what to do, where it cannot. Checked
 * before anything starts, so an unsupported runner fails in a second with the way out rather
 * than later with a Docker error. (Host rules without root or sudo are refused, with
 * host-firewall: off as the way out, by the netfilter wrapper before anything starts.)
 */
const LINUX_RUNNERS = 'Run the job on a Linux runner with Docker: ubuntu-latest or ubuntu-24.04-arm, or a self-hosted Linux runner (docs/usage.md lists what is supported).';
/** The first reason this runner cannot run the firewall, or undefined when it can. */
function runnerRefusal(facts, hostFirewall) {
    if (facts.platform === 'win32')
        return `awf-action runs on Linux only, and this runner is Windows (its containers cannot share the firewall's Linux network rules). ${LINUX_RUNNERS}`;
    if (facts.platform === 'darwin')
        return `awf-action runs on Linux only, and this runner is macOS (GitHub's macOS runners have no Docker engine). ${LINUX_RUNNERS}`;
    if (facts.platform !== 'linux')
        return `awf-action runs on Linux only, and this runner's platform is ${JSON.stringify(facts.platform)}. ${LINUX_RUNNERS}`;
    if (facts.inJobContainer)
        return "this step runs inside the job container (the job sets `container:`), where the runner's Docker engine and firewall rules are out of reach. Remove `container:` from the job and give the image as agent-image instead: the command then runs in that image, behind the firewall.";
    if (!facts.dockerOnPath)
        return 'no docker command is on PATH: awf-action needs a Docker engine on the runner. GitHub-hosted Ubuntu runners have one; on a self-hosted runner install Docker (docker.io or docker-ce) and let the runner user use it.';
    if (hostFirewall && !facts.iptablesFound)
        return 'host firewall rules need iptables (iptables-restore), and this runner has none (a minimal or containerised runner?). Install iptables, or set host-firewall: off (docs/threat-model.md says what that gives up).';
    return undefined;
}

let current$1 = {
    debug: () => undefined,
    info: (m) => process.stderr.write(`${m}\n`),
    warning: (m) => process.stderr.write(`warning: ${m}\n`)
};
const debug = (message) => current$1.debug();
const info = (message) => current$1.info(message);
const warning = (message) => current$1.warning(message);

/**
 * Files the host writes into folders another party could also write (the logs folder, which
 * the proxy container shares): never through a symbolic link planted there, never into
 * anything but a file of our own making.
 */
/**
 * Writes `text` to a new file at `path`: whatever is there (a file, or a link planted to make
 * us overwrite something else) is unlinked first, then the file is created exclusively
 * without following links, so a link put back in between makes this fail instead of writing
 * through it.
 */
function replaceFile(path, text, mode = 0o644) {
    try {
        if (!lstatSync(path).isDirectory())
            unlinkSync(path);
    }
    catch {
        // Absent: nothing to remove.
    }
    const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
    try {
        writeSync(fd, text);
    }
    finally {
        closeSync(fd);
    }
}

/**
 * Reads what every layer logged during a run and turns it into events (src/report/), written
 * to events.jsonl in the logs directory. Runs after the command, never on the start-up path.
 * A log is read up to MAX_LOG_BYTES (a command can grow Squid's or the forwarder's log without
 * bound); past that, its lines are still read, in chunks, and counted without detail, so the
 * report says what it could not itemise instead of dropping it.
 */
/** What the report itemises of one log; the rest is counted. */
const MAX_LOG_BYTES = 64 * 1024 * 1024;
const CHUNK_BYTES = 8 * 1024 * 1024;
/** The proxy's user can write the logs folder: a link planted there is never followed. */
function readBounded(path, maxBytes) {
    const stat = lstatSync(path);
    if (!stat.isFile())
        throw new Error('not a regular file');
    const totalBytes = stat.size;
    const read = (from, length) => {
        const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
        try {
            const buf = Buffer.alloc(length);
            return buf.subarray(0, readSync(fd, buf, 0, length, from));
        }
        finally {
            closeSync(fd);
        }
    };
    const first = read(0, Math.min(totalBytes, maxBytes));
    const headBytes = totalBytes > maxBytes ? first.lastIndexOf(0x0a) + 1 : first.length;
    return {
        head: first.subarray(0, headBytes).toString('utf8'),
        totalBytes,
        headBytes,
        countRest: (count) => {
            const tally = { allowed: 0, blocked: 0 };
            let carry = Buffer.alloc(0);
            for (let at = headBytes; at < totalBytes; at += CHUNK_BYTES) {
                const chunk = Buffer.concat([carry, read(at, Math.min(CHUNK_BYTES, totalBytes - at))]);
                const last = at + CHUNK_BYTES >= totalBytes;
                const end = last ? chunk.length : chunk.lastIndexOf(0x0a) + 1;
                // A "line" longer than a chunk is no log line: dropped, so memory stays bounded.
                carry = end === 0 && chunk.length >= CHUNK_BYTES ? Buffer.alloc(0) : chunk.subarray(end);
                const c = count(chunk.subarray(0, end).toString('utf8'));
                tally.allowed += c.allowed;
                tally.blocked += c.blocked;
            }
            return tally;
        }
    };
}
/** One layer's log: its events, and the count of what lay past the bound. */
function collectLog(logsDir, file, layer, parse, count, maxBytes) {
    const path = join(logsDir, file);
    try {
        const log = readBounded(path, maxBytes);
        const events = parse(log.head);
        if (log.headBytes >= log.totalBytes)
            return { events };
        const rest = log.countRest(count);
        warning(`${file} holds ${log.totalBytes} bytes, more than the report reads (${maxBytes}): ${rest.allowed + rest.blocked} more attempts are counted, not itemised`);
        return {
            events,
            unread: { file, layer, totalBytes: log.totalBytes, readBytes: log.headBytes, ...rest }
        };
    }
    catch (e) {
        warning(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}; the report lacks its events`);
        return { events: [] };
    }
}
function bootTimeMs() {
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    return Date.now() - uptime * 1000;
}
/** Kernel drop lines that were the canary's own probe (left out of the events), per layer. */
function ownDrops(kernel, scope, kept) {
    const all = parseKernelLog(kernel, { ...scope, internalEndpoints: [] });
    const out = {};
    for (const e of all)
        out[e.layer] = (out[e.layer] ?? 0) + 1;
    for (const e of kept)
        out[e.layer] = (out[e.layer] ?? 0) - 1;
    return out;
}
async function collectEvents(netfilter, run, maxBytes = MAX_LOG_BYTES) {
    const scope = {
        agentIp: run.agentIp,
        runId: run.runId,
        bootTimeMs: bootTimeMs(),
        // The readiness probe asks from the host's address, which is never counted.
        internalNames: [CANARY_NAME, TLS_CANARY_TUNNEL],
        commandStartMs: run.commandStartMs,
        internalEndpoints: [`${run.proxyIp}:${CANARY_PORT}`],
        upstreamProxy: run.upstreamProxy
    };
    const kernel = await (run.hostFirewall ? netfilter.kernelLog() : Promise.resolve('')).catch((e) => {
        warning(`cannot read the kernel log (${e instanceof Error ? e.message : String(e)}); dropped packets are only counted`);
        return '';
    });
    const squid = collectLog(run.logsDir, 'access.log', 'proxy', (t) => parseSquidLog(t, scope), (t) => countSquidLines(t, scope), maxBytes);
    const dns = collectLog(run.logsDir, 'dns.log', 'dns', (t) => parseDnsmasqLog(t, scope), (t) => countDnsmasqLines(t, scope), maxBytes);
    const dropped = parseKernelLog(kernel, scope);
    const events = mergeEvents(squid.events, dns.events, dropped);
    replaceFile(join(run.logsDir, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : ''));
    return {
        events,
        integrity: {
            drops: run.drops,
            ownDrops: ownDrops(kernel, scope, dropped),
            unread: [squid.unread, dns.unread].filter((u) => u !== undefined)
        }
    };
}

const RUN_LABEL = 'awf.run';
const OWNER_LABEL = 'awf.owner';
/** `--mount` values are CSV: a path holding a comma or quote must be quoted, not split. */
function csvField(field) {
    return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
function mountArg(m) {
    const fields = ['type=bind', `source=${m.source}`, `target=${m.target}`];
    return [...fields.map(csvField), ...(m.readOnly ? ['readonly'] : [])].join(',');
}
function tmpfsArg(t) {
    const fields = ['type=tmpfs', `target=${t.target}`, `tmpfs-mode=${t.mode.toString(8)}`];
    return [...fields.map(csvField), ...(t.readOnly ? ['readonly'] : [])].join(',');
}
function labelArgs(labels) {
    return Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
}
function buildNetworkCreateArgs(spec) {
    return [
        'network',
        'create',
        '--driver',
        'bridge',
        '--subnet',
        spec.subnet,
        '--opt',
        `com.docker.network.bridge.name=${spec.bridgeName}`,
        ...(spec.internal ? ['--internal'] : []),
        ...labelArgs(spec.labels),
        spec.name
    ];
}
function networkArgs(a) {
    if ('shareNetworkOf' in a)
        return ['--network', `container:${a.shareNetworkOf}`];
    if ('noNetwork' in a)
        return ['--network', 'none'];
    return ['--network', a.network, '--ip', a.ip];
}
/**
 * `docker create`/`docker run` options shared by every container. Every container drops
 * every capability, cannot gain privileges and runs no health check; what a container needs
 * is added back by name.
 */
function containerOptions(spec) {
    const a = spec.attach;
    const args = [
        '--name',
        spec.name,
        ...networkArgs(a),
        '--cap-drop',
        'ALL',
        ...spec.capAdd.flatMap((c) => ['--cap-add', c]),
        '--security-opt',
        'no-new-privileges',
        // A health check defined by an image would run its code in the container before `go`
        // (and on a 5 s cadence after); none of a run's containers needs one.
        '--no-healthcheck',
        ...labelArgs(spec.labels),
        ...spec.mounts.flatMap((m) => ['--mount', mountArg(m)]),
        ...(spec.tmpfs ?? []).flatMap((t) => ['--mount', tmpfsArg(t)]),
        ...Object.entries(spec.extraHosts ?? {}).flatMap(([host, ip]) => [
            '--add-host',
            `${host}:${ip}`
        ]),
        ...Object.entries(spec.sysctls).flatMap(([k, v]) => ['--sysctl', `${k}=${v}`]),
        ...Object.entries(spec.env).flatMap(([k, v]) => ['--env', readByDocker(k) ? `${k}=${v}` : k])
    ];
    if (spec.seccompProfile)
        args.push('--security-opt', `seccomp=${spec.seccompProfile}`);
    if (spec.user)
        args.push('--user', spec.user);
    if (spec.workdir)
        args.push('--workdir', spec.workdir);
    if (spec.pidsLimit)
        args.push('--pids-limit', String(spec.pidsLimit));
    if (spec.memoryBytes)
        args.push('--memory', String(spec.memoryBytes));
    for (const [name, limit] of Object.entries(spec.ulimits ?? {}))
        args.push('--ulimit', `${name}=${limit}:${limit}`);
    for (const gid of spec.groupAdd ?? [])
        args.push('--group-add', String(gid));
    if (spec.sharePidOf)
        args.push('--pid', `container:${spec.sharePidOf}`);
    if (spec.init)
        args.push('--init');
    if (spec.readOnlyRoot)
        args.push('--read-only');
    if (spec.entrypoint)
        args.push('--entrypoint', spec.entrypoint);
    if (spec.tty)
        args.push('--tty');
    return args;
}
/**
 * Names the docker command itself (and the loader and Go runtime under it) reads from its
 * environment: where its engine is, its configuration and credentials, its proxy, its TLS
 * roots. The container's variables of these names (the proxy settings the firewall sets, HOME,
 * PATH) are given in argv, so the docker command on the runner never acts on the agent's
 * values; the user's own variables may not use the DOCKER_ prefix (src/agent/env.ts).
 */
function readByDocker(name) {
    return /^(DOCKER_.*|LD_.*|GO(DEBUG|TRACEBACK|MAXPROCS|GC|MEMLIMIT)|(HTTPS?|ALL|NO)_PROXY|(https?|all|no)_proxy|HOME|PATH|TMPDIR|SSL_CERT_(FILE|DIR)|XDG_.*)$/.test(name);
}
/**
 * The docker process's own environment gets the container's other variables (their values
 * never appear in argv): the user's secrets travel there, under names docker does not read.
 */
function containerEnv(spec) {
    return Object.fromEntries(Object.entries(spec.env).filter(([k]) => !readByDocker(k)));
}
function buildCreateArgs(spec) {
    return ['create', ...containerOptions(spec), spec.image, ...spec.command];
}
/** Foreground run: output streams to our stdio, the exit status is the container's. */
function buildRunArgs(spec) {
    return [
        'run',
        ...(spec.keepAfterExit ? [] : ['--rm']),
        ...containerOptions(spec),
        spec.image,
        ...spec.command
    ];
}
function buildBuildArgs(opts) {
    return [
        'build',
        '--quiet',
        '--tag',
        opts.tag,
        ...Object.entries(opts.buildArgs).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
        opts.context
    ];
}

var __awaiter$3 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
// export const {open} = 'fs'
const IS_WINDOWS$1 = process.platform === 'win32';
fs.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter$3(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS$1) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter$3(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS$1) {
                // on Windows, test for valid extension
                const upperExt = path.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS$1) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path.dirname(filePath);
                        const upperName = path.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS$1) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}

var __awaiter$2 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter$2(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS$1) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter$2(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS$1 && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(path.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}

var __awaiter$1 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends events.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(os.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + os.EOL.length);
                n = s.indexOf(os.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter$1(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = path.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter$1(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends events.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = setTimeout$1(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return __awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return __awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}

/**
 * The one place that starts processes. Every wrapper (Docker, Netfilter, ...) takes an `Exec`
 * so tests and the composition root decide how commands run.
 */
/**
 * Runs a command to completion, capturing its output; never throws on a non-zero exit.
 * Through @actions/exec, except for a command fed on stdin (`input`): @actions/exec leaves an
 * EPIPE on the child's stdin unhandled, which kills this process when the command exits before
 * reading all of it (iptables-restore refusing a batch, say), so those are spawned here. A
 * timed command runs under timeout(1), as @actions/exec has no timeout: `--foreground` makes
 * timeout exit 137 itself after killing the command, rather than kill itself too.
 */
const runCommand = async (command, args, options = {}) => {
    debug(`exec: ${command} ${args.join(' ')}`);
    const [file, argv] = options.timeoutMs === undefined
        ? [command, [...args]]
        : [
            'timeout',
            [
                '--foreground',
                '--signal=KILL',
                `${Math.max(options.timeoutMs, 1) / 1000}`,
                command,
                ...args
            ]
        ];
    const env = { ...processEnv(), ...options.env };
    try {
        if (options.input !== undefined)
            return await spawnWithInput(file, argv, options.input, env);
        const r = await getExecOutput(onPath$1(file), argv, { silent: true, ignoreReturnCode: true, env });
        return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
    }
    catch (e) {
        throw new Error(`cannot run ${command}: ${e instanceof Error ? e.message : String(e)}`);
    }
};
function spawnWithInput(command, args, input, env) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({
            exitCode: code ?? signalExitCode(signal ? constants$1.signals[signal] : 15),
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8')
        }));
        // A command that exits without reading everything closes the pipe: its status says why.
        child.stdin.on('error', () => undefined);
        child.stdin.end(input);
    });
}
/**
 * The agent's run: @actions/exec cannot hand the child our own terminal (`inherit`, which
 * `tty` needs) or keep its stdin closed, so this one spawns directly.
 */
const runAttached = (command, args, stdio, env = {}) => new Promise((resolve, reject) => {
    debug(`exec (attached): ${command} ${args.join(' ')}`);
    const child = spawn(command, [...args], { stdio, env: { ...processEnv(), ...env } });
    child.on('error', (e) => reject(new Error(`cannot run ${command}: ${e.message}`)));
    child.on('exit', (code, signal) => resolve(code ?? signalExitCode(signal ? constants$1.signals[signal] : 15)));
});
const runDetached = (command, args, fds) => new Promise((resolve) => {
    debug(`exec (detached): ${command} ${args.join(' ')}`);
    const child = spawn(command, [...args], {
        detached: true,
        stdio: ['ignore', 'ignore', 'ignore', ...fds],
        env: processEnv()
    });
    child.once('error', () => resolve(undefined));
    child.once('spawn', () => {
        child.unref();
        resolve(child.pid);
    });
});
const realExec = { run: runCommand, attach: runAttached, detach: runDetached };
/**
 * The program's full path. @actions/exec would search PATH itself and print a line on stdout
 * for every PATH folder it may not read (a user's PATH naming /root/...), into the command's
 * own output; an unreadable folder is simply skipped here.
 */
function onPath$1(command) {
    if (command.includes('/'))
        return command;
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
        try {
            accessSync(join(dir, command), constants.X_OK);
            return join(dir, command);
        }
        catch {
            // Absent or unreadable: the next folder.
        }
    }
    throw new Error(`${command} is not on PATH`);
}
function processEnv() {
    return Object.fromEntries(Object.entries(process.env).filter((e) => e[1] !== undefined));
}
/** The last non-empty line of a command's stderr: what a person needs to see first. */
function lastLine(text) {
    const lines = text.trim().split('\n');
    return lines[lines.length - 1]?.trim() ?? '';
}

class DockerError extends Error {
    action;
    result;
    constructor(action, result) {
        // Docker 20.10 ends some errors with a bare "exit status 1": the line before says why.
        const why = lastLine(result.stderr.replace(/^exit status \d+$/gm, ''));
        super(`docker ${action} failed: ${why || `exit code ${result.exitCode}`}`);
        this.action = action;
        this.result = result;
    }
}
class Docker {
    exec;
    binary;
    constructor(exec, binary = 'docker') {
        this.exec = exec;
        this.binary = binary;
    }
    run = (...args) => this.exec.run(...args);
    async call(action, args, env) {
        const result = await this.run(this.binary, args, { env });
        if (result.exitCode !== 0)
            throw new DockerError(action, result);
        return result.stdout.trim();
    }
    /** Fails with an actionable message when no engine answers. */
    async ensureEngine() {
        const result = await this.run(this.binary, ['version', '--format', '{{.Server.Version}}'], {
            timeoutMs: 20000
        }).catch((e) => ({ exitCode: 127, stdout: '', stderr: String(e) }));
        if (result.exitCode !== 0) {
            throw new Error(`no Docker engine answers (${lastLine(result.stderr) || 'docker version failed'}). ` +
                'Start dockerd (scripts/setup.sh does it on Debian) or run on a runner with Docker.');
        }
        return result.stdout.trim();
    }
    async imageId(ref) {
        const result = await this.run(this.binary, ['image', 'inspect', '--format', '{{.Id}}', ref]);
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    async pull(ref) {
        const result = await this.run(this.binary, ['pull', '--quiet', ref], { timeoutMs: 300000 });
        return result.exitCode === 0;
    }
    async build(opts) {
        await this.call('build', buildBuildArgs(opts));
    }
    async save(ref, file) {
        await this.call('save', ['save', '--output', file, ref]);
    }
    async load(file) {
        await this.call('load', ['load', '--quiet', '--input', file]);
    }
    async networkCreate(spec) {
        await this.call('network create', buildNetworkCreateArgs(spec));
    }
    /** Removes networks; absent ones are not an error. */
    async networkRemove(names) {
        if (names.length === 0)
            return;
        const result = await this.run(this.binary, ['network', 'rm', ...names]);
        if (result.exitCode !== 0 && realErrors(result.stderr, /No such network|not found/i).length > 0)
            throw new DockerError('network rm', result);
    }
    /** Every network with its subnets, so a run can pick subnets nothing else uses. */
    async networks(labelFilter) {
        const ls = [
            'network',
            'ls',
            '--quiet',
            ...(labelFilter ? ['--filter', `label=${labelFilter}`] : [])
        ];
        const ids = (await this.call('network ls', ls)).split('\n').filter(Boolean);
        if (ids.length === 0)
            return [];
        const result = await this.run(this.binary, ['network', 'inspect', ...ids]);
        // A network removed between ls and inspect makes inspect fail; its siblings still print.
        const parsed = JSON.parse(result.stdout.trim() || '[]');
        return parsed.map((n) => ({
            name: n.Name,
            subnets: (n.IPAM?.Config ?? []).map((c) => c.Subnet ?? '').filter(Boolean),
            labels: n.Labels ?? {}
        }));
    }
    async containerCreate(spec) {
        await this.call('create', buildCreateArgs(spec), containerEnv(spec));
    }
    async networkConnect(network, container, ip) {
        await this.call('network connect', ['network', 'connect', '--ip', ip, network, container]);
    }
    async containerStart(name) {
        await this.call('start', ['start', name]);
    }
    /** `docker run` in the foreground, its output on `stdio`; resolves with its exit status. */
    runAttached(spec, stdio) {
        return this.exec.attach(this.binary, buildRunArgs(spec), stdio, containerEnv(spec));
    }
    /** The host PID of the container's init process, or undefined when it is not running. */
    async containerPid(name) {
        const result = await this.run(this.binary, ['inspect', '--format', '{{.State.Pid}}', name]);
        const pid = Number(result.stdout.trim());
        return result.exitCode === 0 && pid > 0 ? pid : undefined;
    }
    async containerRunning(name) {
        const result = await this.run(this.binary, ['inspect', '--format', '{{.State.Running}}', name]);
        return result.exitCode === 0 && result.stdout.trim() === 'true';
    }
    /** Removes containers at once (SIGKILL, no graceful stop); absent ones are not an error. */
    async containerRemove(names) {
        if (names.length === 0)
            return;
        const result = await this.run(this.binary, ['rm', '--force', '--volumes', ...names]);
        if (result.exitCode !== 0 &&
            realErrors(result.stderr, /No such container|already in progress/i).length > 0)
            throw new DockerError('rm', result);
    }
    async containersByLabel(label) {
        const out = await this.call('ps', [
            'ps',
            '--all',
            '--filter',
            `label=${label}`,
            '--format',
            '{{.Names}}\t{{.Labels}}'
        ]);
        return out
            .split('\n')
            .filter(Boolean)
            .map((line) => {
            const [name = '', labels = ''] = line.split('\t');
            return { name, labels: parseLabelList(labels) };
        });
    }
    /** `docker run --rm` to completion, output captured; for short helpers. */
    async runCaptured(spec, timeoutMs) {
        return this.run(this.binary, buildRunArgs(spec), { env: containerEnv(spec), timeoutMs });
    }
    /** A text file of a container (`docker cp -L`: links followed inside it), as a tar stream. */
    async copyOut(container, path) {
        const result = await this.run(this.binary, ['cp', '-L', `${container}:${path}`, '-'], {
            timeoutMs: 20000
        });
        return result.exitCode === 0 ? result.stdout : undefined;
    }
    async logs(name) {
        const result = await this.run(this.binary, ['logs', '--tail', '50', name]);
        return `${result.stdout}${result.stderr}`.trim();
    }
}
/**
 * stderr lines other than the ones saying a thing was already gone (and the `exit status 1`
 * trailer some Docker versions print after them).
 */
function realErrors(stderr, alreadyGone) {
    return stderr
        .split('\n')
        .filter((l) => l.trim() && !alreadyGone.test(l) && !/^exit status \d+$/.test(l.trim()));
}
/** `docker ps` prints labels as `k=v,k2=v2`. */
function parseLabelList(text) {
    const labels = {};
    for (const pair of text.split(',')) {
        const eq = pair.indexOf('=');
        if (eq > 0)
            labels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return labels;
}

/**
 * Who owns a run, checkable by every process on the machine whatever its PID namespace or
 * container: the lease is a FIFO that the owner keeps open for reading while it lives. The
 * kernel closes it when the owner dies, however it dies (SIGKILL, OOM), and from then on an
 * open for writing fails with ENXIO. No PID, no clock, no renewal.
 *
 * Next to the FIFO, a record says where the run keeps what the sweep must find without Docker
 * or netfilter (its temporary root). Both are written before the run creates anything and
 * removed after everything else, so a run is never without a lease while it has leftovers.
 */
/** Root's lease folder: one per machine (or per shared /run), as systemd would place it. */
const SYSTEM_LEASE_DIR = '/run/awf/leases';
/** Labels on every container and network: the lease's path and the boot it was taken in. */
const LEASE_LABEL = 'awf.lease';
const BOOT_LABEL = 'awf.boot';
const LEASE = /^([0-9a-f]{8})\.lease$/;
const RECORD = /^([0-9a-f]{8})\.json$/;
const leasePath = (dir, runId) => join(dir, `${runId}.lease`);
const recordPath = (lease) => lease.replace(/\.lease$/, '.json');
/** This boot of the kernel: a lease from another boot belongs to a dead owner. */
function currentBootId() {
    try {
        return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    }
    catch {
        return 'unknown';
    }
}
/** /run/awf/leases where we may write there (root), else a folder in the temporary root. */
function defaultLeaseDir(tempRoot) {
    for (const dir of [SYSTEM_LEASE_DIR, join(tempRoot, 'awf-leases')]) {
        try {
            mkdirSync(dir, { recursive: true, mode: 0o755 });
            const probe = join(dir, `.probe-${process.pid}`);
            writeFileSync(probe, '');
            rmSync(probe);
            return dir;
        }
        catch {
            continue;
        }
    }
    throw new Error(`cannot write the run's lease in ${SYSTEM_LEASE_DIR} nor in ${tempRoot}`);
}
/** Whether the lease's owner still holds it. Never blocks, never creates anything. */
function probeLease(path) {
    try {
        if (!lstatSync(path).isFIFO())
            return 'unknown';
    }
    catch (e) {
        return e.code === 'ENOENT' ? 'absent' : 'unknown';
    }
    try {
        closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW));
        return 'held';
    }
    catch (e) {
        const code = e.code;
        return code === 'ENXIO' ? 'free' : code === 'ENOENT' ? 'absent' : 'unknown';
    }
}
function readRecord(lease) {
    try {
        const r = JSON.parse(readFileSync(recordPath(lease), 'utf8'));
        return typeof r.runId === 'string' && typeof r.tempRoot === 'string'
            ? r
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** The lease's files, record first: a FIFO left alone still marks a dead run for the sweep. */
function removeLeaseFiles(lease) {
    rmSync(recordPath(lease), { force: true });
    rmSync(lease, { force: true });
}
/** Run ids with a lease or a record in `dir`. */
function leasesIn(dir) {
    let entries;
    try {
        entries = readdirSync(dir);
    }
    catch {
        return [];
    }
    const ids = new Set();
    for (const name of entries) {
        const id = LEASE.exec(name)?.[1] ?? RECORD.exec(name)?.[1];
        if (id)
            ids.add(id);
    }
    return [...ids].sort();
}
/** A lease this process holds. */
class Lease {
    runId;
    path;
    fd;
    constructor(runId, path, fd) {
        this.runId = runId;
        this.path = path;
        this.fd = fd;
    }
    /**
     * Takes a lease under a run id no run on the machine has (`newRunId` is asked again on a
     * clash), then writes its record. The FIFO is made under a private name and linked into
     * place only once it is held, so no sweep ever sees a live run's lease unheld.
     */
    static async take(run, dir, newRunId, tempRoot) {
        const staging = join(dir, `.staging-${process.pid}-${newRunId()}`);
        const made = await run('mkfifo', ['-m', '0622', staging]);
        if (made.exitCode !== 0)
            throw new Error(`cannot make the run's lease in ${dir}: ${made.stderr.trim()}`);
        const fd = openSync(staging, constants.O_RDONLY | constants.O_NONBLOCK);
        try {
            for (let attempt = 0; attempt < 8; attempt++) {
                const runId = newRunId();
                const path = leasePath(dir, runId);
                try {
                    // The link claims the run id: it fails when any run, live or dead, has it.
                    linkSync(staging, path);
                }
                catch (e) {
                    if (e.code === 'EEXIST')
                        continue;
                    throw e;
                }
                const lease = new Lease(runId, path, fd);
                writeRecord(path, { runId, tempRoot, bootId: currentBootId(), pid: process.pid });
                return lease;
            }
            throw new Error(`no free run id in ${dir} after 8 tries`);
        }
        catch (e) {
            closeSync(fd);
            throw e;
        }
        finally {
            rmSync(staging, { force: true });
        }
    }
    get held() {
        return this.fd !== undefined;
    }
    /** The open FIFO, for a process that takes the lease over (src/sandbox/reaper.ts). */
    get descriptor() {
        return this.fd;
    }
    /**
     * Lets go of the lease. With `removeFiles` (everything of the run is gone) the files go too;
     * without, they stay, unheld, and the next sweep finishes what the run left.
     */
    release(removeFiles) {
        if (this.fd !== undefined)
            closeSync(this.fd);
        this.fd = undefined;
        if (removeFiles)
            removeLeaseFiles(this.path);
    }
}
function writeRecord(lease, r) {
    const record = { ...r, started: new Date().toISOString() };
    writeFileSync(recordPath(lease), `${JSON.stringify(record)}\n`, { mode: 0o644 });
}

/**
 * The command's environment: a documented safe set from the runner, the firewall's own proxy
 * settings, and only the variables the user names. Values travel in the docker process's
 * environment (never argv, never a file) and are never echoed in a message.
 */
/** Passed through from the runner when set: facts about the run, never a credential. */
const SAFE_ENV = [
    'CI',
    'GITHUB_ACTIONS',
    'GITHUB_ACTION',
    'GITHUB_ACTOR',
    'GITHUB_ACTOR_ID',
    'GITHUB_API_URL',
    'GITHUB_BASE_REF',
    'GITHUB_EVENT_NAME',
    'GITHUB_EVENT_PATH',
    'GITHUB_GRAPHQL_URL',
    'GITHUB_HEAD_REF',
    'GITHUB_JOB',
    'GITHUB_REF',
    'GITHUB_REF_NAME',
    'GITHUB_REF_TYPE',
    'GITHUB_REPOSITORY',
    'GITHUB_REPOSITORY_ID',
    'GITHUB_REPOSITORY_OWNER',
    'GITHUB_RUN_ATTEMPT',
    'GITHUB_RUN_ID',
    'GITHUB_RUN_NUMBER',
    'GITHUB_SERVER_URL',
    'GITHUB_SHA',
    'GITHUB_TRIGGERING_ACTOR',
    'GITHUB_WORKFLOW',
    'GITHUB_WORKFLOW_REF',
    'GITHUB_WORKSPACE',
    'LANG',
    'LC_ALL',
    'RUNNER_ARCH',
    'RUNNER_DEBUG',
    'RUNNER_ENVIRONMENT',
    'RUNNER_OS',
    'RUNNER_TOOL_CACHE',
    'TZ'
];
/**
 * Names the firewall sets itself (a user value would undo the proxy settings or the fresh
 * HOME) and the workflow-command files (through them a command could change later,
 * unfirewalled steps; the files are not mounted either).
 */
const RESERVED = Object.fromEntries([
    ...[
        'HTTP_PROXY',
        'HTTPS_PROXY',
        'ALL_PROXY',
        'NO_PROXY',
        'NODE_USE_ENV_PROXY',
        'NPM_CONFIG_PROXY',
        'NPM_CONFIG_HTTPS_PROXY',
        'HOME',
        'TMPDIR'
    ].map((n) => [n, 'is set by the firewall itself']),
    ...['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map((n) => [
        n,
        'names a workflow-command file, which the command must never write'
    ])
]);
const NAME$2 = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const MAX_VALUE$1 = 128 * 1024;
/** Values shorter than this are never masked: masking "1" or "yes" hides them everywhere. */
const MIN_MASKED = 4;
/**
 * The forms of a secret a log may show: the value, each line of a multi-line value (the runner
 * masks line by line) and its base64 (Basic auth, tokens in config files).
 */
function maskForms(value) {
    if (value.length < MIN_MASKED)
        return [];
    const lines = value.split(/\r?\n/).map((l) => l.trim());
    const forms = [value, ...lines, Buffer.from(value, 'utf8').toString('base64')];
    return [...new Set(forms.filter((f) => f.length >= MIN_MASKED))];
}
/**
 * `env` input: one entry per line (or comma), `NAME` to pass the step's own value or
 * `NAME=value` for a literal. A bad entry is reported by name only: the value may be a secret.
 */
function parseEnvEntries(text, where) {
    const problems = [];
    const entries = new Map();
    // Split lines ourselves: a literal value may hold a comma or a `#`.
    for (const [index, line] of text.split(/\r?\n/).entries()) {
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        const eq = trimmed.indexOf('=');
        const items = eq === -1 ? parseList(trimmed) : [trimmed.slice(0, eq).trim() + trimmed.slice(eq)];
        for (const item of items) {
            const at = item.indexOf('=');
            const written = at === -1 ? item : item.slice(0, at).trim();
            const mask = written.endsWith('!');
            const name = mask ? written.slice(0, -1) : written;
            if (!NAME$2.test(name)) {
                // Not echoed: a value pasted without its NAME= would be a secret.
                problems.push(problem(`${where}, line ${index + 1}`, `${name.length} characters`, 'is not a variable name', 'Give NAME or NAME=value, one per line (NAME! or NAME!=value to mask the value in the log); a name is letters, digits and _ and does not start with a digit.'));
                continue;
            }
            // DOCKER_* would travel in the docker command's argv (it reads those names itself):
            // the command has no Docker, and a value there (DOCKER_AUTH_CONFIG) may be a secret.
            const reserved = RESERVED[name.toUpperCase()] ??
                (/^DOCKER_/i.test(name)
                    ? 'is read by the docker command that starts the sandbox'
                    : undefined);
            if (reserved) {
                problems.push(problem(where, name, reserved, 'Remove it from env.'));
                continue;
            }
            const value = at === -1 ? undefined : item.slice(at + 1);
            if (value !== undefined && value.length > MAX_VALUE$1) {
                problems.push(problem(where, name, 'has too long a value', `At most ${MAX_VALUE$1} characters.`));
                continue;
            }
            entries.set(name, mask ? { name, value, mask } : { name, value });
        }
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return [...entries.values()];
}
/**
 * `env` from every source (the policy file's names, then the input), as merged settings give
 * them: a later entry for a name replaces an earlier one, but a name the file marks `!` stays
 * masked. All problems of all sources are reported together.
 */
function parseEnvSources(sources) {
    const problems = [];
    const entries = new Map();
    for (const source of sources) {
        try {
            for (const e of parseEnvEntries(source.text, source.where)) {
                const masked = e.mask ?? entries.get(e.name)?.mask;
                entries.set(e.name, masked ? { ...e, mask: masked } : e);
            }
        }
        catch (e) {
            if (!(e instanceof InputError))
                throw e;
            problems.push(...e.problems);
        }
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return [...entries.values()];
}
/** The proxy settings every client family reads; see docs/usage.md for which reads which. */
function proxyEnv$1(proxyUrl, noProxy) {
    const u = new URL(proxyUrl);
    const no = noProxy.join(',');
    const javaNoProxy = noProxy.join('|');
    return {
        HTTP_PROXY: proxyUrl,
        HTTPS_PROXY: proxyUrl,
        ALL_PROXY: proxyUrl,
        http_proxy: proxyUrl,
        https_proxy: proxyUrl,
        all_proxy: proxyUrl,
        NO_PROXY: no,
        no_proxy: no,
        // Node 24 (and 22.21+): fetch and http(s).get follow the variables above only with this.
        NODE_USE_ENV_PROXY: '1',
        npm_config_proxy: proxyUrl,
        npm_config_https_proxy: proxyUrl,
        JAVA_TOOL_OPTIONS: [
            `-Dhttp.proxyHost=${u.hostname}`,
            `-Dhttp.proxyPort=${u.port}`,
            `-Dhttps.proxyHost=${u.hostname}`,
            `-Dhttps.proxyPort=${u.port}`,
            `-Dhttp.nonProxyHosts=${javaNoProxy}`
        ].join(' ')
    };
}
/**
 * The environment from the runner: the safe set present there, PATH when the runner's tools
 * are used, and the user's entries. The firewall's own variables are added by withFixedEnv.
 */
function buildAgentEnv(opts) {
    const vars = {};
    const secrets = [];
    const warnings = [];
    const names = [...SAFE_ENV, ...(opts.passPath ? ['PATH'] : [])];
    for (const name of names) {
        const v = opts.runnerEnv[name];
        if (v !== undefined)
            vars[name] = v;
    }
    for (const e of opts.entries) {
        const v = e.value ?? opts.runnerEnv[e.name];
        if (v === undefined) {
            warnings.push(`env: ${e.name} is not set in the step's environment, so it is not passed`);
            continue;
        }
        vars[e.name] = v;
        if (e.mask)
            secrets.push(...maskForms(v));
    }
    return { vars, secrets, warnings };
}
/** The firewall's own variables over the user's: nothing the user passes can override them. */
function withFixedEnv(vars, fixed) {
    const merged = { ...vars, ...fixed };
    // The user's JVM options stay; the proxy properties come last, so they win.
    if (vars.JAVA_TOOL_OPTIONS && fixed.JAVA_TOOL_OPTIONS)
        merged.JAVA_TOOL_OPTIONS = `${vars.JAVA_TOOL_OPTIONS} ${fixed.JAVA_TOOL_OPTIONS}`;
    return merged;
}

/**
 * The agent's trust when the run intercepts hosts: the system's CAs, the `ca-certificates`
 * file's and the run's own CA, as one PEM bundle and as a JVM truststore, with the variables
 * that point every client family at them. Pure: the sandbox reads and writes the files.
 */
/** Where the agent sees the trust folder (mounted read-only). */
const TRUST_MOUNT = '/awf/trust';
const TRUST_BUNDLE = 'ca-bundle.crt';
/** Only the certificates the system store lacks (Node adds these to its own roots). */
const TRUST_EXTRA = 'extra-ca.crt';
const TRUST_JKS = 'cacerts.jks';
/** The JVM's usual default; the store holds public certificates only. */
const TRUST_JKS_PASSWORD = 'changeit';
const PEM = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----/g;
/** Every PEM certificate block in `text`, normalised (LF line ends, a newline after each). */
function pemCertificates(text) {
    return [...text.matchAll(PEM)].map((m) => `${m[0].replace(/\r\n/g, '\n')}\n`);
}
/** The variables every client family reads its CAs from (docs/usage.md lists which reads which). */
function trustEnv() {
    const bundle = `${TRUST_MOUNT}/${TRUST_BUNDLE}`;
    return {
        SSL_CERT_FILE: bundle,
        CURL_CA_BUNDLE: bundle,
        REQUESTS_CA_BUNDLE: bundle,
        GIT_SSL_CAINFO: bundle,
        NODE_EXTRA_CA_CERTS: `${TRUST_MOUNT}/${TRUST_EXTRA}`,
        JAVA_TOOL_OPTIONS: [
            `-Djavax.net.ssl.trustStore=${TRUST_MOUNT}/${TRUST_JKS}`,
            '-Djavax.net.ssl.trustStoreType=JKS',
            `-Djavax.net.ssl.trustStorePassword=${TRUST_JKS_PASSWORD}`
        ].join(' ')
    };
}
/** The files of the trust folder, from the system's bundle and the extra CAs (PEM texts). */
function trustFiles(system, extra, now) {
    const extraPems = extra.flatMap(pemCertificates);
    const all = [...pemCertificates(system), ...extraPems];
    return {
        [TRUST_BUNDLE]: all.join(''),
        [TRUST_EXTRA]: extraPems.join(''),
        [TRUST_JKS]: javaKeyStore(all, now)
    };
}
function utf(text) {
    const bytes = Buffer.from(text, 'utf8');
    const len = Buffer.alloc(2);
    len.writeUInt16BE(bytes.length);
    return Buffer.concat([len, bytes]);
}
const u32 = (n) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
};
/**
 * A JKS keystore of trusted-certificate entries (the format every JVM reads, written here so
 * that no JVM is needed on the runner): magic, version 2, the entries, then a SHA-1 over the
 * password (UTF-16BE), the JDK's fixed salt and everything before it.
 */
function javaKeyStore(pems, now) {
    // A certificate Node cannot read is left out of the store (the PEM bundle keeps it).
    const ders = pems.flatMap((pem) => {
        try {
            return [new X509Certificate(pem).raw];
        }
        catch {
            return [];
        }
    });
    const parts = [u32(0xfeedfeed), u32(2), u32(ders.length)];
    ders.forEach((der, i) => {
        const time = Buffer.alloc(8);
        time.writeBigUInt64BE(BigInt(now));
        parts.push(u32(2), utf(`awf-${i}`), time, utf('X.509'), u32(der.length), der);
    });
    const body = Buffer.concat(parts);
    const password = Buffer.from(TRUST_JKS_PASSWORD, 'utf16le').swap16();
    const digest = createHash('sha1')
        .update(password)
        .update(Buffer.from('Mighty Aphrodite', 'utf8'))
        .update(body)
        .digest();
    return Buffer.concat([body, digest]);
}

/**
 * The run's temporary folder (rendered configs, the handshake FIFOs, the fresh HOME) and its
 * logs folder: made here, removed by teardown.
 */
/** A folder the given users can read (and, for logs, write) inside containers. */
function makeDir(path, mode) {
    mkdirSync(path, { recursive: true });
    chmodSync(path, mode);
    return path;
}
/** Writes every rendered file for the proxy, keeps a copy in the logs, and the agent's resolv.conf. */
function writeConfigs(workDir, logsDir, rendered, proxyIp) {
    const configDir = makeDir(join(workDir, 'config'), 0o755);
    const kept = makeDir(join(logsDir, 'config'), 0o755);
    for (const [file, text] of renderedFiles(rendered)) {
        writeFileSync(join(configDir, file), text, { mode: 0o644 });
        replaceFile(join(kept, file), text);
    }
    writeFileSync(join(workDir, 'resolv.conf'), `nameserver ${proxyIp}\noptions ndots:0\n`, {
        mode: 0o644
    });
}
function kindOf(path) {
    try {
        const st = lstatSync(path);
        return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    }
    catch {
        return 'missing';
    }
}
/** Where the command's fresh HOME and the masking file live in the work folder. */
const homePath = (workDir) => join(workDir, 'home');
const emptyFilePath = (workDir) => join(workDir, 'empty');
/** The command's HOME: empty, and owned by the user the command runs as. */
function freshHome(workDir, uid, gid) {
    const home = makeDir(homePath(workDir), 0o700);
    if (process.getuid?.() === 0)
        chownSync(home, uid, gid);
    return home;
}
/** The file mounted over every path hidden from the command. */
function emptyFile(workDir) {
    const path = emptyFilePath(workDir);
    writeFileSync(path, '', { mode: 0o444 });
    return path;
}

/**
 * The agent's trust when the run intercepts hosts: the proxy's entrypoint made the run's CA
 * and left its certificate in the logs folder; here it joins the system's CAs (as the
 * command's own filesystem has them) and the `ca-certificates` file in the trust folder the
 * agent sees read-only. Done after the proxy is ready and before the command starts.
 */
/** Where the command's system CAs usually are (Debian/Ubuntu, Fedora/RHEL, Alpine/others). */
const SYSTEM_BUNDLES = [
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/cert.pem'
];
const trustDir = (workDir) => join(workDir, 'trust');
/** Makes the (empty) trust folder before the agent container is created with it mounted. */
function makeTrustDir(workDir) {
    return makeDir(trustDir(workDir), 0o755);
}
/** The proxy's user can write the logs folder: never follow a link planted there. */
function readSmallFile(path, max) {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
        const buf = Buffer.alloc(max);
        const n = readSync(fd, buf, 0, max, 0);
        return buf.subarray(0, n).toString('ascii');
    }
    finally {
        closeSync(fd);
    }
}
/** The run's CA certificate, exactly one CA certificate, as the proxy left it. */
function readRunCa(logsDir) {
    const pems = pemCertificates(readSmallFile(join(logsDir, INTERCEPTION_CA_LOG_FILE), 16384));
    if (pems.length !== 1 || !new X509Certificate(pems[0]).ca)
        throw new Error('the proxy did not leave exactly one CA certificate for interception');
    return pems[0];
}
async function systemBundle(docker, agent) {
    for (const path of SYSTEM_BUNDLES) {
        const text = await docker.copyOut(agent, path);
        if (text && pemCertificates(text).length > 0)
            return text;
    }
    warning("the command's filesystem has no CA bundle in a usual place: it trusts only the intercepted hosts' CA (and ca-certificates)");
    return '';
}
/** The step log's line about interception: hosts and header names, never a value. */
function interceptionLine(i) {
    const headers = i.credentials.map((c) => `${c.header} for ${c.host}`);
    return (`intercepted (decrypted by the proxy, with this run's CA): ${i.hosts.join(', ')}` +
        (headers.length > 0 ? `; set by the proxy on every request: ${headers.join(', ')}` : ''));
}
async function installTrust(o) {
    const runCa = readRunCa(o.logsDir);
    const system = await systemBundle(o.docker, o.agent);
    const files = trustFiles(system, [o.caCertificates ?? '', runCa], Date.now());
    const dir = trustDir(o.workDir);
    for (const [name, content] of Object.entries(files))
        writeFileSync(join(dir, name), content, { mode: 0o644, flag: 'wx' });
}

/**
 * Like `Promise.all`, but a failure is raised only once every task has settled. Start-up runs
 * tasks that create things (networks, rules, containers) side by side; if one fails while
 * another is still creating, teardown must not look before the other is done, or what it
 * creates afterwards is left behind.
 */
async function settleAll(tasks) {
    const results = (await Promise.allSettled(tasks));
    const values = [];
    for (const r of results) {
        if (r.status === 'rejected')
            throw r.reason;
        values.push(r.value);
    }
    return values;
}
/** Waits until `task` has settled, or `ms` have passed, whichever comes first. */
async function settledWithin(task, ms) {
    let timer;
    await Promise.race([
        task.catch(() => undefined),
        new Promise((resolve) => (timer = setTimeout(resolve, ms)))
    ]);
    clearTimeout(timer);
}

/**
 * The agent's start handshake over two FIFOs in a read-only control folder: the agent's
 * entrypoint writes `ready` and blocks on `go`; the host arms the sandbox in between and then
 * writes `go` (or `abort`, and the command never runs). See containers/agent/README.
 */
const CONTROL_MOUNT = '/awf/ctl';
class Handshake {
    dir;
    goFd;
    constructor(dir) {
        this.dir = dir;
        // Held open read-write from the start: the agent's open of `go` never blocks, and a
        // written line waits in the pipe until the agent reads it.
        this.goFd = openSync(join(dir, 'go'), constants.O_RDWR | constants.O_NONBLOCK);
        // Then read-only for everyone: nothing in the sandbox (root included, which holds no
        // capability there) can open `go` to write, so only this process can say go or abort.
        chmodSync(join(dir, 'go'), 0o444);
    }
    static async create(run, dir) {
        const result = await run('mkfifo', ['-m', '0666', join(dir, 'ready')]).then((r) => r.exitCode === 0 ? run('mkfifo', ['-m', '0600', join(dir, 'go')]) : r);
        if (result.exitCode !== 0)
            throw new Error(`cannot make the handshake FIFOs in ${dir}: ${result.stderr.trim()}`);
        return new Handshake(dir);
    }
    /** Resolves when the agent's entrypoint reports ready; rejects on timeout or `abandon`. */
    waitReady(timeoutMs, abandon) {
        const fd = openSync(join(this.dir, 'ready'), constants.O_RDWR | constants.O_NONBLOCK);
        const socket = new net.Socket({ fd, readable: true, writable: false });
        return new Promise((resolve, reject) => {
            let buffered = '';
            const finish = (error) => {
                clearTimeout(timer);
                socket.destroy();
                if (error)
                    reject(error);
                else
                    resolve();
            };
            const timer = setTimeout(() => finish(new Error(`the agent container did not start within ${timeoutMs / 1000} s`)), timeoutMs);
            socket.on('data', (chunk) => {
                buffered += chunk.toString('utf8');
                if (buffered.includes('ready\n'))
                    finish();
            });
            socket.on('error', (e) => finish(e));
            abandon.then(() => finish(new Error('the agent container exited before it was ready')), (e) => finish(e instanceof Error ? e : new Error(String(e))));
        });
    }
    go() {
        writeSync(this.goFd, 'go\n');
    }
    abort() {
        writeSync(this.goFd, 'abort\n');
    }
    close() {
        closeSync(this.goFd);
    }
}
/**
 * After a failed start: `abort` stays in the pipe until the container's `run` has ended (or
 * `waitMs` has passed), so that a container created only now still reads it and exits rather
 * than wait for ever, and teardown does not race its creation; then the pipe is closed.
 */
async function abortAndClose(handshake, run, waitMs) {
    handshake.abort();
    await settledWithin(run, waitMs);
    handshake.close();
}

/** What the proxy and agent containers are run with: pure functions over the run's facts. */
/** Squid and dnsmasq start as root to bind and open logs, then drop to their own users. */
const PROXY_CAPS = ['CHOWN', 'NET_BIND_SERVICE', 'SETGID', 'SETUID'];
/**
 * Limits of the proxy container: room for Squid, dnsmasq (which forks per TCP query) and the
 * entrypoint, and for thousands of proxied connections (two descriptors each), but not for a
 * compromised daemon to exhaust the runner.
 */
const PROXY_LIMITS = { pids: 256, memoryBytes: 512 * 1024 * 1024, openFiles: 16384 };
function proxySpec(opts) {
    const n = runNames(opts.topology.runId);
    return {
        name: n.proxy,
        image: opts.image,
        attach: { network: n.internalNetwork, ip: opts.topology.proxyIp },
        labels: opts.labels,
        mounts: [
            { source: opts.configDir, target: PROXY_CONFIG_DIR, readOnly: true },
            { source: opts.logsDir, target: PROXY_LOG_DIR, readOnly: false }
        ],
        env: opts.env ?? {},
        capAdd: PROXY_CAPS,
        // The proxy relays at the application layer only: a compromised daemon cannot make its
        // namespace route packets between the agent's network and the egress network.
        sysctls: {
            'net.ipv4.ip_forward': '0',
            'net.ipv6.conf.all.forwarding': '0',
            'net.ipv6.conf.default.forwarding': '0'
        },
        pidsLimit: PROXY_LIMITS.pids,
        memoryBytes: PROXY_LIMITS.memoryBytes,
        ulimits: { nofile: PROXY_LIMITS.openFiles },
        groupAdd: [opts.logsGroup],
        init: false,
        command: []
    };
}
const ENTRYPOINT_MOUNT = '/awf/entrypoint';
/**
 * Docker's `--init` mounts its init at /sbin/docker-init, which fails where /sbin leads into
 * the runner's read-only /usr (host mode); so the same binary is mounted here instead.
 */
const INIT_MOUNT = '/awf/init';
/** Addresses and names that bypass the proxy: loopback, and the runner when ports are open. */
function noProxyList(topology, hostPorts) {
    return [
        'localhost',
        '127.0.0.1',
        '::1',
        ...(hostPorts ? [HOST_ALIAS, topology.internalGateway] : [])
    ];
}
function proxyUrl(topology) {
    return `http://${topology.proxyIp}:${SQUID_PORT}`;
}
/** Privileges, seccomp and limits shared by the agent and the canary that stands in for it. */
function agentPrivileges(o) {
    return {
        capAdd: [],
        user: o.user,
        seccompProfile: o.seccompProfile,
        pidsLimit: o.pidsLimit,
        memoryBytes: o.memoryBytes,
        readOnlyRoot: true
    };
}
function agentSpec(o) {
    const n = runNames(o.topology.runId);
    return {
        name: n.agent,
        image: o.image,
        attach: { network: n.internalNetwork, ip: o.agentIp },
        labels: o.labels,
        mounts: [
            ...o.filesystem.binds,
            { source: o.entrypoint, target: ENTRYPOINT_MOUNT, readOnly: true },
            ...(o.initBinary ? [{ source: o.initBinary, target: INIT_MOUNT, readOnly: true }] : []),
            { source: o.controlDir, target: CONTROL_MOUNT, readOnly: true },
            { source: o.resolvConf, target: '/etc/resolv.conf', readOnly: true }
        ],
        tmpfs: o.filesystem.tmpfs,
        env: o.env,
        ...agentPrivileges(o),
        workdir: o.workspace,
        entrypoint: o.initBinary ? INIT_MOUNT : '/bin/sh',
        extraHosts: o.hostAccess ? { [HOST_ALIAS]: o.topology.internalGateway } : {},
        sysctls: {
            'net.ipv6.conf.all.disable_ipv6': '1',
            'net.ipv6.conf.default.disable_ipv6': '1',
            // Unprivileged ICMP sockets would let the command ping (and carry data) without NET_RAW.
            'net.ipv4.ping_group_range': '1 0'
        },
        init: !o.initBinary,
        // Removed with the proxy in one call once the command's status is in (docker run --rm
        // would hold the status back until the agent alone was removed).
        keepAfterExit: true,
        tty: o.tty,
        command: o.initBinary
            ? ['--', '/bin/sh', ENTRYPOINT_MOUNT, ...o.command]
            : [ENTRYPOINT_MOUNT, ...o.command]
    };
}
/**
 * The enforcement canary runs in its own short-lived container inside the agent's network
 * namespace, as the agent's user with the agent's privileges, from our own image: its probes
 * need bash, curl and python3, which the agent's tools or image may not have. It is started
 * while the proxy becomes ready and waits at its gate (`gateDir`, mounted like the agent's
 * handshake folder) for `go`; anything else ends it before a probe is sent.
 */
function canarySpec(o, canaryImage, script, gateDir) {
    const n = runNames(o.topology.runId);
    return {
        name: n.canary,
        image: canaryImage,
        attach: { shareNetworkOf: n.agent },
        labels: o.labels,
        mounts: [
            { source: o.resolvConf, target: '/etc/resolv.conf', readOnly: true },
            { source: gateDir, target: CONTROL_MOUNT, readOnly: true }
        ],
        // The proxy settings only: the user's variables (secrets among them) stay with the agent.
        env: { http_proxy: proxyUrl(o.topology) },
        ...agentPrivileges(o),
        sysctls: {},
        init: false,
        // Removed with the rest at teardown: its result is in as soon as it exits.
        keepAfterExit: true,
        entrypoint: '/bin/bash',
        command: ['-c', `read -r word < ${CONTROL_MOUNT}/go && [ "$word" = go ] || exit 125\n${script}`]
    };
}
const HELPER_CONFIG_MOUNT = '/awf/config';
/**
 * With host-firewall off there is no root on the host to enter the agent's namespace: a
 * short-lived helper joins it holding NET_ADMIN (the agent never does), installs the
 * container rules and the default route, prints the resulting rules for the self-check, and
 * exits before the command starts.
 */
function netAdminHelperSpec(o, image, configDir) {
    const n = runNames(o.topology.runId);
    const rules = (f) => `${HELPER_CONFIG_MOUNT}/${f}`;
    return {
        name: n.helper,
        image,
        attach: { shareNetworkOf: n.agent },
        labels: o.labels,
        mounts: [{ source: configDir, target: HELPER_CONFIG_MOUNT, readOnly: true }],
        env: {},
        capAdd: ['NET_ADMIN'],
        user: '0:0',
        readOnlyRoot: true,
        sysctls: {},
        init: false,
        entrypoint: '/bin/sh',
        command: [
            '-c',
            [
                'set -e',
                `iptables-restore --noflush < ${rules('container-rules.v4')}`,
                `ip6tables-restore --noflush < ${rules('container-rules.v6')}`,
                `ip route replace default via ${o.topology.proxyIp}`,
                'echo "=== v4"',
                'iptables-save',
                'echo "=== v6"',
                'ip6tables-save'
            ].join('\n')
        ]
    };
}
/** What every topology-only probe runs with: our image, python3 or sh, no privilege. */
function probeBase(o, image, name) {
    return {
        name,
        image,
        labels: o.labels,
        env: {},
        capAdd: [],
        user: o.user,
        readOnlyRoot: true,
        sysctls: {},
        init: false
    };
}
/** Topology-only: reads the run's tokens through the daemon's view of the shared paths. */
function sharedPathsProbeSpec(o, image, mounts, script) {
    return {
        ...probeBase(o, image, runNames(o.runId).pathsProbe),
        attach: { noNetwork: true },
        mounts,
        entrypoint: '/bin/sh',
        command: ['-c', script]
    };
}
/** Topology-only: probes the proxy from inside its own network namespace on the daemon. */
function readinessProbeSpec(o, image, script) {
    const n = runNames(o.topology.runId);
    return {
        ...probeBase(o, image, n.readyProbe),
        attach: { shareNetworkOf: n.proxy },
        mounts: [],
        entrypoint: '/usr/bin/python3',
        command: ['-c', script]
    };
}
/** Topology-only: reads /proc/PID/status of the agent's processes from its PID namespace. */
function processInspectorSpec(o, image, script) {
    const n = runNames(o.topology.runId);
    return {
        ...probeBase(o, image, n.inspector),
        attach: { noNetwork: true },
        sharePidOf: n.agent,
        mounts: [],
        entrypoint: '/usr/bin/python3',
        command: ['-c', script]
    };
}

/**
 * Git configuration text as git reads it, and the keys through which a repository makes git
 * run a program (or send the runner's credentials elsewhere). Pure: text in, data out.
 *
 * The parser is strict on purpose: the text comes from a command that may be hostile, and a
 * line git would read but this parser does not understand must not hide a key. Anything it
 * cannot read is returned as `unreadable` and reported like a dangerous key.
 */
/** A reader over config text that mirrors git's own parser (config.c), character by character. */
class Source {
    text;
    i = 0;
    line = 1;
    constructor(text) {
        this.text = text;
    }
    get eof() {
        return this.i >= this.text.length;
    }
    /** The next character, `\r\n` read as `\n` (as git does); '' at the end. */
    next() {
        if (this.eof)
            return '';
        let c = this.text[this.i++];
        if (c === '\r' && this.text[this.i] === '\n')
            c = this.text[this.i++];
        if (c === '\n')
            this.line++;
        return c;
    }
}
const isKeyChar = (c) => /^[A-Za-z0-9-]$/.test(c);
const isSpace = (c) => /^[ \t\n\v\f\r]$/.test(c);
const ESCAPES = { t: '\t', b: '\b', n: '\n', '\\': '\\', '"': '"' };
/** `[name]`, `[name.sub]` or `[name "sub"]`, after the `[`; undefined where git fails. */
function readSection(src) {
    let name = '';
    for (;;) {
        const c = src.next();
        if (c === '')
            return undefined;
        if (c === ']')
            return name;
        if (isSpace(c))
            break;
        if (!isKeyChar(c) && c !== '.')
            return undefined;
        name += c.toLowerCase();
    }
    let c = src.next();
    while (isSpace(c))
        c = src.next();
    if (c !== '"')
        return undefined;
    let sub = '';
    for (;;) {
        c = src.next();
        if (c === '' || c === '\n')
            return undefined;
        if (c === '"')
            break;
        if (c === '\\') {
            c = src.next();
            if (c === '' || c === '\n')
                return undefined;
        }
        sub += c;
    }
    return src.next() === ']' ? `${name}.${sub}` : undefined;
}
/** A value after `=`, to the end of its line: quotes, escapes, comments, continuations. */
function readValue(src) {
    let value = '';
    let spaces = 0;
    let quoted = false;
    let comment = false;
    for (;;) {
        let c = src.next();
        if (c === '\n' || c === '')
            return quoted ? undefined : value;
        if (comment)
            continue;
        if (isSpace(c) && !quoted) {
            if (value !== '')
                spaces++;
            continue;
        }
        if (!quoted && (c === ';' || c === '#')) {
            comment = true;
            continue;
        }
        value += ' '.repeat(spaces);
        spaces = 0;
        if (c === '\\') {
            c = src.next();
            if (c === '\n')
                continue;
            if (!(c in ESCAPES))
                return undefined;
            value += ESCAPES[c];
            continue;
        }
        if (c === '"') {
            quoted = !quoted;
            continue;
        }
        value += c;
    }
}
function parseGitConfig(text) {
    const src = new Source(text.startsWith('\ufeff') ? text.slice(1) : text);
    const entries = [];
    let section;
    let comment = false;
    // git stops at the first line it cannot read (and refuses the whole file): so does this.
    const fail = () => ({ entries, unreadable: [src.line] });
    for (;;) {
        const c = src.next();
        if (c === '')
            return { entries, unreadable: [] };
        if (c === '\n') {
            comment = false;
            continue;
        }
        if (comment || isSpace(c))
            continue;
        if (c === '#' || c === ';') {
            comment = true;
            continue;
        }
        if (c === '[') {
            section = readSection(src);
            if (section === undefined)
                return fail();
            continue;
        }
        if (!/^[A-Za-z]$/.test(c) || section === undefined)
            return fail();
        let name = c.toLowerCase();
        let k = src.next();
        while (k !== '' && isKeyChar(k)) {
            name += k.toLowerCase();
            k = src.next();
        }
        while (k === ' ' || k === '\t')
            k = src.next();
        if (k === '\n' || k === '') {
            entries.push({ key: `${section}.${name}`, value: undefined });
            continue;
        }
        if (k !== '=')
            return fail();
        const value = readValue(src);
        if (value === undefined)
            return fail();
        entries.push({ key: `${section}.${name}`, value });
    }
}
const bang = (v) => (v ?? '').trimStart().startsWith('!');
const PROGRAM = 'runs a program';
const TRAFFIC = 'redirects git traffic';
/** Keys through which a repository's own config makes git (or git-lfs) start a program. */
const DANGER_RULES = [
    ...[
        'core.fsmonitor',
        'core.hookspath',
        'core.sshcommand',
        'core.gitproxy',
        'core.editor',
        'core.pager',
        'core.askpass',
        'core.alternaterefscommand',
        'core.attributesfile',
        'sequence.editor',
        'diff.external',
        'diff.*.textconv',
        'diff.*.command',
        'difftool.*.cmd',
        'difftool.*.path',
        'mergetool.*.cmd',
        'mergetool.*.path',
        'merge.*.driver',
        'filter.*.clean',
        'filter.*.smudge',
        'filter.*.process',
        'credential.helper',
        'credential.*.helper',
        'include.path',
        'includeif.*.path',
        'uploadpack.packobjectshook',
        'protocol.allow',
        'protocol.*.allow',
        'pager.*',
        'interactive.difffilter',
        'gpg.program',
        'gpg.*.program',
        'gpg.ssh.defaultkeycommand',
        'hook.*.command',
        'remote.*.uploadpack',
        'remote.*.receivepack',
        'remote.*.vcs',
        'imap.tunnel',
        'sendemail.tocmd',
        'sendemail.cccmd',
        'sendemail.sendmailcmd',
        'web.browser',
        'browser.*.cmd',
        'browser.*.path',
        'man.*.cmd',
        'man.*.path',
        'lfs.customtransfer.*.path',
        'lfs.extension.*.clean',
        'lfs.extension.*.smudge',
        'lfs.standalonetransferagent'
    ].map((pattern) => ({ pattern, reason: PROGRAM })),
    { pattern: 'alias.*', reason: PROGRAM, when: bang },
    { pattern: 'submodule.*.update', reason: PROGRAM, when: bang },
    {
        pattern: 'sendemail.smtpserver',
        reason: PROGRAM,
        when: (v) => (v ?? '').trimStart().startsWith('/')
    },
    // A later push or fetch would carry the token actions/checkout stored (http.extraheader).
    ...[
        'url.*.insteadof',
        'url.*.pushinsteadof',
        'http.proxy',
        'http.*.proxy',
        'remote.*.url',
        'remote.*.pushurl',
        'remote.*.proxy',
        'http.*.extraheader',
        'http.extraheader',
        'http.sslverify',
        'http.*.sslverify'
    ].map((pattern) => ({ pattern, reason: TRAFFIC }))
];
function patternRegex(pattern) {
    const parts = pattern.split('.');
    const first = parts[0].replace(/[-]/g, '\\-');
    const last = parts[parts.length - 1];
    if (parts.length === 2 && last === '*')
        return new RegExp(`^${first}\\.[^.]+$`);
    if (parts.length === 2)
        return new RegExp(`^${first}\\.${last}$`);
    return new RegExp(`^${first}\\..+\\.${last}$`, 's');
}
const COMPILED = DANGER_RULES.map((r) => ({ ...r, regex: patternRegex(r.pattern) }));
/** Why git would act on this entry (run a program, send traffic elsewhere), or undefined. */
function dangerOf(entry) {
    return COMPILED.find((r) => r.regex.test(entry.key) && (r.when?.(entry.value) ?? true));
}
/** The key as shown to people: its section and name, the attacker-chosen subsection as `*`. */
function shownKey(entry) {
    const rule = dangerOf(entry);
    if (rule)
        return rule.pattern;
    const parts = entry.key.split('.');
    return parts.length > 2 ? `${parts[0]}.*.${parts[parts.length - 1]}` : entry.key;
}

/**
 * What the command left in the workspace's git metadata that a later, unfirewalled step would
 * run: a pure comparison of two snapshots (before and after the command) of the files through
 * which a repository makes git start a program. Only what is new or changed counts, so a
 * repository's own LFS filters or an existing hook are not findings.
 */
/** Hook names git runs (githooks(5)); other names in a hooks folder are never run. */
const HOOK_NAMES = new Set([
    'applypatch-msg',
    'pre-applypatch',
    'post-applypatch',
    'pre-commit',
    'pre-merge-commit',
    'prepare-commit-msg',
    'commit-msg',
    'post-commit',
    'pre-rebase',
    'post-checkout',
    'post-merge',
    'pre-push',
    'pre-receive',
    'update',
    'proc-receive',
    'post-receive',
    'post-update',
    'reference-transaction',
    'push-to-checkout',
    'pre-auto-gc',
    'post-rewrite',
    'sendemail-validate',
    'fsmonitor-watchman',
    'p4-changelist',
    'p4-prepare-changelist',
    'p4-post-changelist',
    'p4-pre-submit',
    'post-index-change'
]);
const SAFE_PATH = /^[A-Za-z0-9._/-]{1,100}$/;
/** A workspace path as shown to people: itself when short and plain, else a placeholder. */
function shownPath(path) {
    return SAFE_PATH.test(path) && !path.includes('..') ? path : '(a path with unusual characters)';
}
const entryId = (e) => `${e.key}\u0000${e.value ?? ''}`;
function configFindings(path, before, after) {
    const was = parseGitConfig(before ?? '');
    const known = new Set(was.entries.map(entryId));
    const now = parseGitConfig(after);
    const findings = [];
    const seen = new Set();
    for (const entry of now.entries) {
        const danger = dangerOf(entry);
        if (!danger || known.has(entryId(entry)))
            continue;
        const shown = `${shownPath(path)}: ${shownKey(entry)} (${danger.reason})`;
        if (seen.has(shown))
            continue;
        seen.add(shown);
        findings.push({ path, shown });
    }
    if (now.unreadable.length > 0)
        findings.push({
            path,
            shown: `${shownPath(path)}: config text the check cannot read (line ${now.unreadable[0]})`
        });
    return findings;
}
/** The attribute assignments that hand a file to a program: a filter, diff or merge driver. */
function driverAttributes(line) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#'))
        return [];
    return trimmed
        .split(/\s+/)
        .slice(trimmed.startsWith('[attr]') ? 0 : 1)
        .map((token) => token.replace(/^\[attr\]\S*$/, ''))
        .filter((token) => /^(filter|diff|merge)=/.test(token))
        .map((token) => token.slice(0, token.indexOf('=')));
}
function attributeFindings(path, before, after) {
    const old = new Set((before ?? '').split(/\r?\n/).map((l) => l.trim()));
    const drivers = new Set();
    for (const line of after.split(/\r?\n/))
        if (!old.has(line.trim()))
            for (const d of driverAttributes(line))
                drivers.add(d);
    return [...drivers]
        .sort()
        .map((d) => ({ path, shown: `${shownPath(path)}: a new \`${d}=\` attribute (names a driver)` }));
}
function hookShown(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const dir = path.slice(0, path.lastIndexOf('/'));
    const what = HOOK_NAMES.has(name) ? `hook \`${name}\`` : 'a file in the hooks folder';
    return `${shownPath(dir)}: ${what}`;
}
function changedFile(path, before, after) {
    const was = before?.kind === after.kind ? before.content : undefined;
    if (was === after.content)
        return [];
    const verb = was === undefined ? 'new' : 'changed';
    if (/^(symlink:|dir$|other$)/.test(after.content) && after.kind !== 'hook')
        return [{ path, shown: `${shownPath(path)}: ${verb}, and not a plain file` }];
    switch (after.kind) {
        case 'config':
            return configFindings(path, was, after.content);
        case 'attributes':
            return attributeFindings(path, was, after.content);
        case 'hook':
            return [{ path, shown: `${hookShown(path)} (${verb})` }];
        case 'pointer':
            return [{ path, shown: `${shownPath(path)}: ${verb} (points git at another folder)` }];
    }
}
/** Everything the command added that would make a later git command run a program. */
function compareGitSnapshots(before, after) {
    const findings = Object.keys(after.files)
        .sort()
        .flatMap((path) => changedFile(path, before.files[path], after.files[path]));
    if (after.truncated)
        findings.push({
            path: '',
            shown: 'the workspace has too many entries: `.gitattributes` files past the limit were not checked'
        });
    return findings;
}
/** At most this many findings are listed in the summary and the CLI report. */
const SHOWN_FINDINGS = 20;
/** Lines for the summary and the CLI report (shown text only; full paths stay in the logs). */
function gitFindingLines(findings) {
    const lines = findings.slice(0, SHOWN_FINDINGS).map((f) => f.shown);
    if (findings.length > SHOWN_FINDINGS)
        lines.push(`and ${findings.length - SHOWN_FINDINGS} more (see git-integrity.json in the logs)`);
    return lines;
}

/**
 * Reads the workspace's git metadata into a snapshot (src/agent/git-integrity.ts compares
 * two). After the command the workspace is the command's work: nothing here follows a
 * symbolic link, opens anything but a regular file, or reads more than a bounded amount.
 */
/** Entries visited in the workspace before the walk stops (and says so). */
const WALK_LIMIT = 500_000;
/** Config, attributes and pointer files are read up to this size; hooks are digested whole. */
const TEXT_LIMIT = 1024 * 1024;
/** Inside a git folder: the files through which it makes git run something. */
const CONFIG_FILES = ['config', 'config.worktree'];
const POINTER_FILES = ['commondir', 'gitdir'];
function readRegular(path, text) {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
        const hash = createHash('sha256');
        const chunks = [];
        const buffer = Buffer.alloc(64 * 1024);
        let total = 0;
        for (;;) {
            const n = readSync(fd, buffer, 0, buffer.length, null);
            if (n === 0)
                break;
            total += n;
            if (text) {
                chunks.push(Buffer.from(buffer.subarray(0, n)));
                if (total >= TEXT_LIMIT)
                    break;
            }
            else
                hash.update(buffer.subarray(0, n));
        }
        return text ? Buffer.concat(chunks).toString('utf8') : `sha256:${hash.digest('hex')}`;
    }
    finally {
        closeSync(fd);
    }
}
/** A file's state without following links; undefined when absent. */
function stateOf(path, kind) {
    let st;
    try {
        st = lstatSync(path);
    }
    catch {
        return undefined;
    }
    if (st.isSymbolicLink())
        return { kind, content: `symlink:${readlinkSync(path)}` };
    if (st.isDirectory())
        return { kind, content: 'dir' };
    if (!st.isFile())
        return { kind, content: 'other' };
    try {
        return { kind, content: readRegular(path, kind !== 'hook') };
    }
    catch {
        // Replaced between lstat and open (not by the command: it has exited).
        return { kind, content: 'other' };
    }
}
const isDir = (path) => {
    try {
        return lstatSync(path).isDirectory();
    }
    catch {
        return false;
    }
};
const listDir = (path) => {
    try {
        return readdirSync(path);
    }
    catch {
        return [];
    }
};
class Reader {
    workspace;
    files = {};
    gitDirs = new Set();
    gitFiles = [];
    visited = 0;
    truncated = false;
    constructor(workspace) {
        this.workspace = workspace;
    }
    rel(path) {
        return relative(this.workspace, path);
    }
    add(path, kind) {
        const state = stateOf(path, kind);
        if (state)
            this.files[this.rel(path)] = state;
    }
    /** A git folder: its configs, pointers, hooks, info/attributes, worktrees and submodules. */
    gitDir(dir) {
        if (this.gitDirs.has(this.rel(dir)))
            return;
        this.gitDirs.add(this.rel(dir));
        for (const f of CONFIG_FILES)
            this.add(join(dir, f), 'config');
        for (const f of POINTER_FILES)
            this.add(join(dir, f), 'pointer');
        this.add(join(dir, 'info', 'attributes'), 'attributes');
        const hooks = join(dir, 'hooks');
        if (isDir(hooks)) {
            for (const name of listDir(hooks))
                if (!name.endsWith('.sample'))
                    this.add(join(hooks, name), 'hook');
        }
        else
            this.add(hooks, 'hook');
        for (const name of listDir(join(dir, 'worktrees')))
            this.gitDir(join(dir, 'worktrees', name));
        this.modules(join(dir, 'modules'));
    }
    /** Submodule git folders: `modules/<name>/`, where a name may hold slashes. */
    modules(dir) {
        for (const name of listDir(dir)) {
            const path = join(dir, name);
            if (!isDir(path))
                continue;
            if (stateOf(join(path, 'HEAD'), 'pointer'))
                this.gitDir(path);
            else
                this.modules(path);
        }
    }
    /** A `.git` file: `gitdir: <path>`; a target inside the workspace is read too. */
    gitFile(path) {
        if (isDir(path))
            return this.gitDir(path);
        this.add(path, 'pointer');
        const state = this.files[this.rel(path)];
        this.gitFiles.push(this.rel(path));
        const target = /^gitdir:\s*(.+?)\s*$/m.exec(state?.content ?? '')?.[1];
        if (!target)
            return;
        const dir = resolve(join(path, '..'), target);
        const inside = !relative(this.workspace, dir).startsWith('..') && !isAbsolute(this.rel(dir));
        if (inside && isDir(dir))
            this.gitDir(dir);
    }
    walk(dir) {
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        // A bare repository: git finds it by HEAD, objects/ and refs/.
        const names = new Set(entries.map((e) => e.name));
        if (dir !== this.workspace && names.has('HEAD') && names.has('objects') && names.has('refs'))
            return this.gitDir(dir);
        for (const e of entries) {
            if (++this.visited > WALK_LIMIT) {
                this.truncated = true;
                return;
            }
            const path = join(dir, e.name);
            if (e.name === '.git')
                this.gitFile(path);
            else if (e.name === '.gitattributes')
                this.add(path, 'attributes');
            else if (e.isDirectory())
                this.walk(path);
        }
    }
}
/** The workspace's git metadata now. */
function snapshotGit(workspace) {
    const reader = new Reader(workspace);
    reader.walk(workspace);
    return {
        files: reader.files,
        gitDirs: [...reader.gitDirs].sort(),
        gitFiles: reader.gitFiles.sort(),
        truncated: reader.truncated
    };
}

/**
 * The workspace's git metadata around the command: read before it starts (and, with
 * protect-git, made read-only for it), read again after it exits and compared. What the
 * command added that would make a later git command run a program is the finding list.
 */
function guardGit(workspace, protect) {
    const before = snapshotGit(workspace);
    return { before, binds: protect ? protectGitMounts(workspace, before, kindOf) : [] };
}
/** After the command: the findings, also written in full to `git-integrity.json`. */
function checkGit(workspace, guard, logsDir) {
    const findings = compareGitSnapshots(guard.before, snapshotGit(workspace));
    if (findings.length > 0)
        replaceFile(join(logsDir, 'git-integrity.json'), `${JSON.stringify(findings, null, 2)}\n`);
    return findings;
}

/**
 * Finds what in the runner's visible system folders only root (or a group) may read, so that
 * a command running as root does not read it as the owner (src/agent/filesystem.ts masks
 * what this finds). A folder others cannot read or enter is reported whole and not entered.
 */
const OTHERS_READ = 0o004;
const OTHERS_ENTER = 0o001;
/** Entries looked at before the scan stops (and says so). */
const SCAN_LIMIT = 300_000;
/**
 * The folders scanned: the visible system folders, but of /usr only /usr/local. Packaged
 * files under /usr hold no secret by convention, and /usr is large (about 2 s per 150,000
 * entries; docs/performance.md).
 */
function rootOnlyScanDirs(visible) {
    return visible.flatMap((d) => (d === '/usr' ? ['/usr/local'] : [d]));
}
/**
 * Walks `dirs` without following links, leaving out `skip` (the workspace: the command owns
 * it anyway). Runs use find(1) for the same walk (scanWithFind); this is where find fails.
 */
function scanRootOnly(dirs, skip = []) {
    const started = Date.now();
    const found = [];
    let visited = 0;
    const walk = (dir, device) => {
        let names;
        try {
            names = readdirSync(dir);
        }
        catch {
            return;
        }
        for (const name of names) {
            const path = join(dir, name);
            if (skip.includes(path))
                continue;
            if (++visited > SCAN_LIMIT)
                return;
            let st;
            try {
                st = lstatSync(path);
            }
            catch {
                continue;
            }
            if (st.isDirectory()) {
                if ((st.mode & OTHERS_READ) === 0 || (st.mode & OTHERS_ENTER) === 0)
                    found.push({ path, kind: 'dir' });
                // Another filesystem mounted below (a tool cache, /usr/local on its own disk) is
                // visible through the recursive bind too, so it is scanned; /proc-like ones never are.
                else if (st.dev === device || !/^\/(proc|sys|dev|run)(\/|$)/.test(path))
                    walk(path, st.dev);
            }
            else if (st.isFile() && (st.mode & OTHERS_READ) === 0)
                found.push({ path, kind: 'file' });
        }
    };
    for (const dir of dirs) {
        try {
            const st = lstatSync(dir);
            if (st.isDirectory())
                walk(dir, st.dev);
        }
        catch {
            // Absent: nothing to scan.
        }
    }
    return { found, visited, ms: Date.now() - started, truncated: visited > SCAN_LIMIT };
}
/** find(1) is stopped after this long; what it found by then is masked, and the run says so. */
const FIND_TIMEOUT_MS = 20_000;
const PROC_LIKE = /^\/(proc|sys|dev|run)(\/|$)/;
/** A path as a find(1) `-path` pattern that matches only itself. */
const literalPattern = (path) => path.replace(/[\\*?[\]]/g, '\\$&');
/**
 * find(1)'s arguments for the same walk as scanRootOnly: below each folder (not the folder
 * itself), `skip` and `prune` left out, a folder others cannot read or enter printed as
 * `d<path>` and not entered, a file others cannot read as `f<path>` (each ended by NUL), and
 * one `.` for every other entry, so the entries looked at can be counted.
 */
function findArgs(dirs, skip, prune) {
    const left = [...skip, ...prune].flatMap((p, i) => [
        ...(i > 0 ? ['-o'] : []),
        '-path',
        literalPattern(p)
    ]);
    return [
        '-P',
        ...dirs,
        '-mindepth',
        '1',
        ...(left.length > 0 ? ['(', ...left, ')', '-prune', '-o'] : []),
        ...'-type d ( ! -perm -o=r -o ! -perm -o=x ) -printf d%p\\0 -prune -o'.split(' '),
        ...'-type f ! -perm -o=r -printf f%p\\0 -o'.split(' '),
        '-printf',
        '.'
    ];
}
/** What findArgs' find printed: the paths found, and how many entries it looked at. */
function parseFindOutput(out) {
    const found = [];
    let visited = 0;
    for (let i = 0; i < out.length;) {
        const c = out[i];
        if (c === 'd' || c === 'f') {
            const end = out.indexOf('\0', i);
            if (end < 0)
                break;
            found.push({ path: out.slice(i + 1, end), kind: c === 'd' ? 'dir' : 'file' });
            i = end + 1;
        }
        else
            i++;
        visited++;
    }
    return { found, visited };
}
/** Mount points whose path is /proc-like, below `dirs`, on another device than their parent. */
function procLikeMounts(mountinfo, dirs) {
    const unescape = (p) => p.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
    const under = (p) => dirs.some((d) => p.startsWith(d === '/' ? '/' : `${d}/`));
    return mountinfo
        .split('\n')
        .map((line) => line.split(' ')[4])
        .filter((p) => p !== undefined)
        .map(unescape)
        .filter((p) => PROC_LIKE.test(p) && under(p))
        .filter((p) => lstatSync(p, { throwIfNoEntry: false })?.dev !==
        lstatSync(dirname(p), { throwIfNoEntry: false })?.dev);
}
/**
 * The scan through find(1), about twice as fast as scanRootOnly and in a process of its own,
 * so it runs beside the networks being made. Where find fails (absent, or without GNU
 * `-printf`), scanRootOnly walks here instead: the masks never depend on find.
 */
function scanWithFind(run) {
    return async (dirs, skip) => {
        const started = Date.now();
        const present = dirs.filter((d) => lstatSync(d, { throwIfNoEntry: false })?.isDirectory());
        if (present.length === 0)
            return { found: [], visited: 0, ms: 0, truncated: false };
        const prune = procLikeMounts(readFileSync('/proc/self/mountinfo', 'utf8'), present);
        const killed = signalExitCode(constants$1.signals.SIGKILL);
        // Ahead of Docker's work for the CPU: a root command's container waits for this scan. (A
        // runner that may not raise priorities says so on stderr and runs find as it is.)
        const r = await run('nice', ['-n', '-10', 'find', ...findArgs(present, skip, prune)], {
            timeoutMs: FIND_TIMEOUT_MS
        }).catch((e) => ({ exitCode: -1, stdout: '', stderr: errorText(e) }));
        // 1: some folder could not be read (scanRootOnly passes over those as well).
        if (r.exitCode !== 0 && r.exitCode !== 1 && r.exitCode !== killed) {
            debug(`find could not scan for root-only files (${r.exitCode}: ${r.stderr.trim()}); walking here`);
            return scanRootOnly(dirs, skip);
        }
        return {
            ...parseFindOutput(r.stdout),
            ms: Date.now() - started,
            truncated: r.exitCode === killed
        };
    };
}
/** The folders the command sees of the runner as they are (read-only, at the same path). */
const visibleFolders = (filesystem) => filesystem.binds.filter((b) => b.readOnly && b.source === b.target).map((b) => b.target);
/** Starts the scan of what `filesystem` shows; `withRootOnlyMasked` takes it up. */
function startRootOnlyScan(filesystem, workspace, scan) {
    const dirs = rootOnlyScanDirs(visibleFolders(filesystem));
    return { dirs, result: scan(dirs, [workspace]) };
}
const sameList = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
/**
 * When the command runs as root in host mode: the root-only files of every visible system
 * folder, masked (added to `filesystem`). A scan started ahead is used when it covered the
 * same folders; otherwise they are scanned now. A scan that stopped early says so.
 */
async function withRootOnlyMasked(filesystem, workspace, emptyFile, scanner, ahead) {
    const dirs = rootOnlyScanDirs(visibleFolders(filesystem));
    const scan = ahead && sameList(ahead.dirs, dirs) ? await ahead.result : await scanner(dirs, [workspace]);
    const masks = maskRootOnly(scan.found, emptyFile);
    return {
        scan,
        filesystem: {
            ...filesystem,
            binds: [...filesystem.binds, ...masks.binds],
            tmpfs: [...filesystem.tmpfs, ...masks.tmpfs],
            masked: [...filesystem.masked, ...masks.masked]
        }
    };
}

/**
 * What the filesystem plan needs to know about the machine besides the step's environment:
 * runner processes (their installation folders hold credentials, their work folders other
 * jobs' files) and bound unix sockets. Read from /proc; anything unreadable is left out.
 */
const RUNNER_PROGRAM = /\/bin\/Runner\.(Worker|Listener)$/;
function readOr(read, fallback) {
    try {
        return read();
    }
    catch {
        return fallback;
    }
}
const processIds = () => readOr(() => readdirSync('/proc'), []).filter((p) => /^\d+$/.test(p));
/** Executables of every runner process we may look at (all of them, as root). */
function runnerExes(pids) {
    const exes = pids.map((pid) => {
        const exe = readOr(() => readlinkSync(`/proc/${pid}/exe`), '');
        if (RUNNER_PROGRAM.test(exe))
            return exe;
        // A runner started through `dotnet Runner.Worker.dll` shows its program as the first argument.
        const argv0 = readOr(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8'), '').split('\0');
        return argv0.find((a) => RUNNER_PROGRAM.test(a.replace(/\.dll$/, ''))) ?? '';
    });
    return [...new Set(exes.filter((e) => e))].map((e) => e.replace(/\.dll$/, ''));
}
/**
 * Sockets bound in every network namespace we can look into (/proc/net/unix lists only the
 * reader's; a container's socket on a host path is reachable by path from any namespace).
 */
function boundSockets(pids) {
    const seen = new Set();
    const sockets = new Set();
    for (const pid of ['self', ...pids]) {
        const netns = readOr(() => readlinkSync(`/proc/${pid}/ns/net`), '');
        if (!netns || seen.has(netns))
            continue;
        seen.add(netns);
        const table = readOr(() => readFileSync(`/proc/${pid}/net/unix`, 'utf8'), '');
        for (const path of socketPathsFromProcNetUnix(table))
            sockets.add(path);
    }
    return [...sockets].sort();
}
function observeRunner() {
    const pids = processIds();
    return { runnerExes: runnerExes(pids), sockets: boundSockets(pids) };
}
/** Creates the folders mounts inside the fresh HOME need, owned by the command's user. */
function prepareHomeDirs(home, dirs, uid, gid) {
    const asRoot = process.getuid?.() === 0;
    for (const dir of dirs) {
        let path = home;
        for (const part of dir.split('/').filter((p) => p && p !== '.' && p !== '..')) {
            path = join(path, part);
            mkdirSync(path, { recursive: true, mode: 0o755 });
            if (asRoot)
                chownSync(path, uid, gid);
        }
    }
}

/**
 * What the kernel says about the agent's processes: capability sets, no_new_privs and seccomp
 * mode from /proc/PID/status. The sandbox refuses to run the command unless every process of
 * the agent container holds no capability, has NoNewPrivs 1 and Seccomp 2 (filter).
 */
const CAP_FIELDS = ['CapInh', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb'];
function parseStatus(pid, text) {
    const fields = new Map();
    for (const line of text.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0)
            fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
    }
    return {
        pid,
        capabilities: Object.fromEntries(CAP_FIELDS.map((f) => [f, fields.get(f) ?? 'missing'])),
        noNewPrivs: fields.get('NoNewPrivs') ?? 'missing',
        seccomp: fields.get('Seccomp') ?? 'missing'
    };
}
/** Problems with one process, as sentences; empty when it is locked down as intended. */
function securityProblems(p) {
    const problems = [];
    for (const [field, value] of Object.entries(p.capabilities))
        if (!/^0+$/.test(value))
            problems.push(`process ${p.pid} has ${field} ${value} (expected none)`);
    if (p.noNewPrivs !== '1')
        problems.push(`process ${p.pid} has NoNewPrivs ${p.noNewPrivs} (expected 1)`);
    if (p.seccomp !== '2')
        problems.push(`process ${p.pid} has Seccomp ${p.seccomp} (expected 2, filter)`);
    return problems;
}
function children(pid) {
    try {
        return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
            .split(/\s+/)
            .filter(Boolean)
            .map(Number);
    }
    catch {
        return [];
    }
}
/** The container's init process and every descendant, read from /proc on the host. */
function inspectProcessTree(rootPid) {
    const seen = [];
    const queue = [rootPid];
    while (queue.length > 0 && seen.length < 64) {
        const pid = queue.shift();
        seen.push(parseStatus(pid, readFileSync(`/proc/${pid}/status`, 'utf8')));
        queue.push(...children(pid));
    }
    return seen;
}

/** Probing the proxy until Squid and the DNS forwarder answer: bounded, never a fixed sleep. */
const PROBE_INTERVAL_MS = 20;
/** How often a start-up that has not answered yet asks whether the proxy container still runs. */
const ALIVE_INTERVAL_MS = 200;
const pause$1 = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function tcpAnswers(host, port) {
    return new Promise((resolve) => {
        const socket = net.connect({ host, port });
        const done = (ok) => {
            socket.destroy();
            resolve(ok);
        };
        socket.setTimeout(500, () => done(false));
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
    });
}
/** A minimal DNS query (A record, recursion desired) for `name`. */
function dnsQuery(name, id) {
    const labels = name
        .split('.')
        .map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
    const header = Buffer.from([id >> 8, id & 255, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    return Buffer.concat([header, ...labels, Buffer.from([0, 0, 1, 0, 1])]);
}
/**
 * Whether the forwarder answers before `deadline`: one socket, a fresh query every probe
 * interval (a query sent before dnsmasq listened is simply lost, never refused, so waiting
 * long for its answer would only add to the start), any of them answered counts.
 */
function dnsAnswersBy(host, port, name, deadline, given) {
    return new Promise((resolve) => {
        const socket = dgram.createSocket('udp4');
        const sent = new Set();
        let timer;
        const done = (ok) => {
            if (timer === undefined)
                return;
            clearInterval(timer);
            timer = undefined;
            socket.close();
            resolve(ok);
        };
        const send = () => {
            if (Date.now() >= deadline || given())
                return done(false);
            const id = Math.floor(Math.random() * 65535);
            sent.add(id);
            socket.send(dnsQuery(name, id), port, host, () => undefined);
        };
        socket.on('message', (msg) => {
            if (msg.length >= 2 && sent.has(msg.readUInt16BE(0)))
                done(true);
        });
        // Unreachable for now (the container's address not yet up): the next query tries again.
        socket.on('error', () => undefined);
        timer = setInterval(send, PROBE_INTERVAL_MS);
        send();
    });
}
/** Whether Squid accepts a connection before `deadline`, tried every probe interval. */
async function tcpAnswersBy(host, port, deadline, given) {
    while (Date.now() < deadline && !given()) {
        if (await tcpAnswers(host, port))
            return true;
        await pause$1(PROBE_INTERVAL_MS);
    }
    return false;
}
/**
 * Resolves once both services answer. `alive` is asked between probes so that a proxy that
 * died (a bad config, say) fails the run at once instead of after the timeout.
 */
async function waitForProxy(endpoints, timeoutMs, alive) {
    const deadline = Date.now() + timeoutMs;
    let over = false;
    const given = () => over;
    // Each service is probed on its own: the one that is up first waits for nothing.
    const probes = Promise.all([
        tcpAnswersBy(endpoints.host, endpoints.squidPort, deadline, given),
        dnsAnswersBy(endpoints.host, endpoints.dnsPort, endpoints.probeName, deadline, given)
    ]);
    const watch = async () => {
        while (!over) {
            await pause$1(ALIVE_INTERVAL_MS);
            if (!over && !(await alive()))
                throw new Error('the proxy container exited during start-up');
        }
        return [false, false];
    };
    const [squid, dns] = await Promise.race([probes, watch()]).finally(() => {
        over = true;
    });
    if (squid && dns)
        return;
    const missing = [
        squid ? '' : `Squid (tcp/${endpoints.squidPort})`,
        dns ? '' : `the DNS forwarder (udp/${endpoints.dnsPort})`
    ];
    throw new Error(`the proxy did not become ready within ${timeoutMs / 1000} s: no answer from ${missing.filter(Boolean).join(' and ')}`);
}

/**
 * Topology-only mode: the Docker daemon is not on this runner (DOCKER_HOST over TCP, or a
 * Docker-in-Docker sidecar whose bridges are not in our network namespace). The runner's
 * iptables cannot reach the daemon's namespaces, so no host rule is applied; the run holds on
 * what the daemon itself builds: the internal network, the proxy, the DNS forwarder, the
 * container rules (installed by the NET_ADMIN helper) and the agent's privileges. Everything
 * the runner cannot see directly is checked through short-lived containers on that daemon,
 * and what cannot be checked at all is named in the report.
 */
const NOT_CHECKED_REMOTE = [
    "host rules: none applied, so none checked (the runner's iptables cannot reach the daemon's network namespace)",
    "the canary's direct connection is not confirmed in the kernel's drop log (the log of the daemon's namespace is not read)",
    "the agent's rules are not re-read while the command runs (only the proxy is watched)",
    'dropped packets are not counted (no host drop rules)'
];
function topologyOnly(why) {
    return { why, notChecked: NOT_CHECKED_REMOTE };
}
const PROBE_MOUNT = '/awf/probe';
const PROBE_TIMEOUT_MS = 30000;
/**
 * The daemon must see the run's folders and the workspace as this runner does (a shared
 * volume at the same path), and a FIFO there must connect both sides (one kernel): the agent's
 * start handshake, its HOME and the proxy's configs and logs go through them. A token written
 * in each folder is read back by a container on the daemon, which then answers through a FIFO.
 * Throws the reason.
 */
async function confirmSharedPaths(runCaptured, run, a) {
    mkdirSync(a.probeDir, { mode: 0o755 });
    const token = randomBytes(8).toString('hex');
    const marker = `.awf-shared-probe-${a.runId}`;
    const markers = a.folders.map((f) => join(f.path, marker));
    try {
        // Created, never followed: the workspace is the command's, and a link there goes nowhere.
        markers.forEach((m, i) => writeFileSync(m, `${token}-${i}\n`, { mode: 0o644, flag: 'wx' }));
        const made = await run('mkfifo', ['-m', '0666', join(a.probeDir, 'answer')]);
        if (made.exitCode !== 0)
            throw new Error(`cannot make a FIFO in ${a.probeDir}: ${made.stderr.trim()}`);
        // Held read-write: the container's open never blocks on our side, and its line waits here.
        const fd = openSync(join(a.probeDir, 'answer'), constants.O_RDWR | constants.O_NONBLOCK);
        try {
            const mounts = a.folders.map((f, i) => ({
                source: f.path,
                target: `${PROBE_MOUNT}/${i}`,
                readOnly: true
            }));
            const script = [
                // Shell built-ins only: our image has no cat.
                ...mounts.map((m) => `read -r t < ${m.target}/${marker} && echo "$t"`),
                `echo "${token}-fifo" > ${PROBE_MOUNT}/fifo/answer`
            ].join('; ');
            const r = await runCaptured(a.spec([...mounts, { source: a.probeDir, target: `${PROBE_MOUNT}/fifo`, readOnly: true }], script), PROBE_TIMEOUT_MS);
            sharedPathProblems(r, token, readAvailable(fd), a.folders);
        }
        finally {
            closeSync(fd);
        }
    }
    finally {
        for (const m of markers)
            rmSync(m, { force: true });
    }
}
function readAvailable(fd) {
    const buffer = Buffer.alloc(256);
    try {
        return buffer.subarray(0, readSync(fd, buffer)).toString('utf8');
    }
    catch {
        return '';
    }
}
function sharedPathProblems(r, token, answer, folders) {
    const unseen = folders.filter((_, i) => !r.stdout.includes(`${token}-${i}\n`));
    if (unseen.length > 0)
        throw new Error(`the Docker daemon does not see ${unseen.map((f) => `${f.what} ${f.path}`).join(', ')} as ` +
            "this runner does (mount the same volume at the same path in the daemon's container: " +
            'the temporary folder and the workspace must be on it). The probe on the daemon said: ' +
            `${(r.stderr || r.stdout).trim().slice(0, 300) || `exit code ${r.exitCode}`}`);
    if (!answer.includes(`${token}-fifo`))
        throw new Error(`a FIFO in ${folders[0]?.path ?? 'the run folder'} does not connect the daemon's containers to this runner ` +
            "(the daemon runs on another kernel): the agent's start handshake cannot work there");
}
/**
 * Runner files outside the shared roots cannot be mounted from the daemon: a single file (the
 * event payload) is copied into the run's folder; a folder (home-config) stops the run.
 */
function sharedBinds(binds, roots, copyDir, kindOf, copy) {
    const shared = (p) => roots.some((r) => p === r || p.startsWith(`${r}/`));
    return binds.map((b, i) => {
        if (shared(b.source))
            return b;
        if (kindOf(b.source) !== 'file')
            throw new Error(`${b.source} is on this runner only, and the Docker daemon is elsewhere (topology-only ` +
                'mode): only the workspace and the run folder are shared with it; leave it out of ' +
                'home-config, or run on a runner with its own Docker engine');
        mkdirSync(copyDir, { recursive: true, mode: 0o755 });
        const target = join(copyDir, `${i}`);
        copy(b.source, target);
        return { ...b, source: target };
    });
}
/** Waits, from inside the proxy's network namespace, until Squid and the forwarder answer. */
async function waitForProxyInDaemon(runCaptured, spec, proxyIp, probeName, timeoutMs) {
    const query = dnsQuery(probeName, 0x5a5a).toString('hex');
    const script = [
        'import socket, sys, time',
        `ip, q, end = "${proxyIp}", bytes.fromhex("${query}"), time.time() + ${timeoutMs / 1000}`,
        'while True:',
        '    squid = dns = False',
        '    try:',
        // connect() and sendto() with an address literal: getaddrinfo needs codecs our image lacks.
        '        t = socket.socket(socket.AF_INET, socket.SOCK_STREAM); t.settimeout(0.5)',
        `        t.connect((ip, ${SQUID_PORT})); t.close(); squid = True`,
        '    except OSError: pass',
        '    try:',
        '        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.settimeout(0.3)',
        `        u.sendto(q, (ip, ${DNS_PORT})); dns = u.recv(512)[:2] == q[:2]`,
        '    except OSError: pass',
        '    if squid and dns: print("ready"); sys.exit(0)',
        '    if time.time() > end: print(f"squid={squid} dns={dns}"); sys.exit(1)',
        '    time.sleep(0.05)'
    ].join('\n');
    const r = await runCaptured(spec(script), timeoutMs + 15000);
    if (r.exitCode !== 0 || !r.stdout.includes('ready'))
        throw new Error(`the proxy did not become ready within ${timeoutMs / 1000} s, probed on the Docker daemon: ${(r.stdout + r.stderr).trim().slice(0, 300) || `exit code ${r.exitCode}`}`);
}
/** Python that prints /proc/PID/status of every process in its PID namespace but its own. */
const INSPECT_SCRIPT = [
    'import os',
    'me = os.getpid()',
    'for p in sorted(os.listdir("/proc")):',
    '    if p.isdigit() and int(p) != me:',
    '        try: t = open("/proc/" + p + "/status").read()',
    '        except OSError: continue',
    '        print("=== " + p); print(t)'
].join('\n');
/** The agent's processes as an inspector sharing its PID namespace on the daemon saw them. */
async function inspectInDaemon(runCaptured, spec) {
    const r = await runCaptured(spec, PROBE_TIMEOUT_MS).catch((e) => {
        throw new Error(`the process inspector could not run on the Docker daemon: ${errorText(e)}`);
    });
    const processes = r.stdout
        .split(/^=== /m)
        .filter((chunk) => /^\d+\n/.test(chunk))
        .map((chunk) => parseStatus(Number(chunk.slice(0, chunk.indexOf('\n'))), chunk));
    if (r.exitCode !== 0 || !processes.some((p) => p.pid === 1))
        throw new Error(`the process inspector on the Docker daemon did not see the agent's processes (exit code ${r.exitCode}): ${r.stderr.trim().slice(0, 300)}`);
    return processes;
}

/** The agent container's options: its filesystem plan, environment, limits and mounts. */
/** What the command sees of the runner: its mounts, HOME and masked paths. */
function plannedFilesystem(run, mode, home, empty) {
    const { request } = run;
    const { agent } = request;
    return planAgentFilesystem({
        ...withObservations(agent.runner, run.deps.probes.observeRunner()),
        mode,
        workspace: request.workspace,
        freshHome: home,
        homeFiles: agent.homeConfig,
        emptyFile: empty,
        uid: agent.uid,
        kindOf
    });
}
/**
 * When the command will run as root in host mode, starts the root-only scan of the folders
 * it will see, to run while images and networks are prepared (about 0.5 s on a runner with
 * 136,000 entries). The plan made later uses it only if it shows the same folders.
 */
function scanAhead(run, workDir) {
    const { agent } = run.request;
    if (agent.uid !== 0 || agent.image)
        return undefined;
    try {
        const planned = plannedFilesystem(run, 'host', homePath(workDir), emptyFilePath(workDir));
        return startRootOnlyScan(planned, run.request.workspace, run.deps.probes.scanRootOnly);
    }
    catch {
        // A request the plan refuses: planAgent says why, at its place in the run.
        return undefined;
    }
}
async function planAgent(run, prepared) {
    const { request } = run;
    const { agent } = request;
    const { workDir, topology } = prepared;
    const controlDir = makeDir(join(workDir, 'ctl'), 0o755);
    const home = freshHome(workDir, agent.uid, agent.gid);
    const empty = emptyFile(workDir);
    const planned = plannedFilesystem(run, prepared.mode, home, empty);
    prepareHomeDirs(home, planned.homeDirs, agent.uid, agent.gid);
    const git = guardGit(request.workspace, request.protectGit);
    const intercepting = (request.proxy?.interception?.hosts.length ?? 0) > 0;
    const trust = intercepting
        ? [{ source: makeTrustDir(workDir), target: TRUST_MOUNT, readOnly: true }]
        : [];
    const base = { ...planned, binds: [...planned.binds, ...git.binds, ...trust] };
    const filesystem = prepared.topologyOnly
        ? {
            ...base,
            binds: sharedBinds(base.binds, [workDir, request.workspace], join(workDir, 'runner-files'), kindOf, copyFileSync)
        }
        : await rootOnlyMasked(run, base, agent.uid, prepared, request.workspace, empty);
    if (filesystem.masked.length > 0)
        info(`hidden from the command: ${filesystem.masked.join(', ')}`);
    const hostAccess = request.policy.allowHostPorts.length > 0;
    const { limits } = agent;
    return {
        controlDir,
        git,
        masked: filesystem.masked,
        options: {
            topology,
            agentIp: prepared.agentIp,
            image: prepared.commandImage,
            labels: run.labels,
            workspace: request.workspace,
            filesystem,
            entrypoint: prepared.entrypoint,
            // A remote daemon runs its own init (`--init`); the runner's is not on its machine.
            initBinary: prepared.topologyOnly ? undefined : run.deps.probes.findInitBinary(),
            controlDir,
            resolvConf: join(workDir, 'resolv.conf'),
            seccompProfile: join(workDir, 'config', 'seccomp.json'),
            user: `${agent.uid}:${agent.gid}`,
            env: withFixedEnv(agent.env, {
                ...firewallEnv(proxyEnv$1(proxyUrl(topology), noProxyList(topology, hostAccess)), intercepting),
                HOME: filesystem.home,
                TMPDIR: '/tmp'
            }),
            pidsLimit: limits.pidsLimit,
            memoryBytes: limits.memoryBytes,
            tty: limits.tty,
            hostAccess,
            command: request.command
        }
    };
}
/** The proxy settings, and with interception the trust variables (JVM options joined). */
function firewallEnv(proxy, intercepting) {
    if (!intercepting)
        return proxy;
    const trust = trustEnv();
    return {
        ...proxy,
        ...trust,
        JAVA_TOOL_OPTIONS: [proxy.JAVA_TOOL_OPTIONS, trust.JAVA_TOOL_OPTIONS].join(' ')
    };
}
/** Root runners (host mode): a command running as root would read root-only files as owner. */
async function rootOnlyMasked(run, filesystem, uid, prepared, workspace, empty) {
    if (uid !== 0 || prepared.mode !== 'host')
        return filesystem;
    const masked = await withRootOnlyMasked(filesystem, workspace, empty, run.deps.probes.scanRootOnly, prepared.rootOnlyScan);
    const { scan } = masked;
    info(`the command runs as root: ${scan.found.length} root-only system paths hidden (${scan.visited} entries scanned in ${scan.ms} ms)`);
    if (scan.truncated)
        warning(`the root-only scan stopped after ${scan.visited} entries: files beyond are not hidden`);
    return masked.filesystem;
}

/** The rendered files with the layer weakened. */
function ablate(rendered, topology, layer) {
    switch (layer) {
        case 'dns-filter':
            // Every name forwarded upstream instead of refused.
            return {
                ...rendered,
                'dnsmasq.conf': rendered['dnsmasq.conf'].replace(/^address=\/#\/$/m, topology.upstreamDns.map((ip) => `server=${ip}`).join('\n'))
            };
        case 'container-rules':
            return { ...rendered, 'container-rules.v4': '', 'container-rules.v6': '' };
        case 'host-rules':
            return { ...rendered, 'host-rules.v4': '', 'host-rules.v6': '' };
        case 'squid-acl':
            // Any request from the agent network is allowed, before any domain, port or address check.
            return {
                ...rendered,
                'squid.conf': rendered['squid.conf'].replace(/^http_access deny !agent$/m, 'http_access deny !agent\nhttp_access allow agent')
            };
        default:
            return rendered;
    }
}
/** The agent's container with the layer weakened: capabilities given back, or no seccomp. */
function ablateAgent(spec, layer) {
    switch (layer) {
        case 'capabilities':
            return { ...spec, capAdd: ['NET_ADMIN', 'NET_RAW'] };
        case 'seccomp':
            return { ...spec, seccompProfile: 'unconfined' };
        default:
            return spec;
    }
}

/**
 * Whether the Docker daemon shares this machine with us. The firewall arms itself from the
 * runner: host rules in the network namespace that holds the run's bridges, container rules
 * through the agent's PID, mounts of the runner's paths. A daemon elsewhere (DOCKER_HOST over
 * TCP or SSH, a Docker-in-Docker sidecar, a rootless daemon in its own namespace) runs the
 * sandbox topology-only (src/sandbox/topology-only.ts). One case is still refused: a daemon
 * whose bridges are in our network namespace but whose agent PID is not ours, where entering
 * that PID would enter the wrong process and the runner's paths were the daemon's.
 */
const LOCAL = { local: true };
/** Only the scheme and host are shown: a DOCKER_HOST URL can carry credentials. */
function endpoint(dockerHost) {
    const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]*@)?([^/?#]*)/i.exec(dockerHost);
    return m ? `${m[1].toLowerCase()}://${m[2].replace(/[^\w.:[\]-]/g, '?')}` : 'its value';
}
/** DOCKER_HOST naming another machine (anything but a unix socket or the default). */
function placementFromDockerHost(dockerHost) {
    const value = dockerHost?.trim() ?? '';
    if (value === '' || value.toLowerCase().startsWith('unix://'))
        return LOCAL;
    return {
        local: false,
        why: `DOCKER_HOST points at a daemon elsewhere (${endpoint(value)})`
    };
}
/** The run's bridge, made by the daemon, must appear among our own network interfaces. */
function placementFromBridge(bridge, visible) {
    return visible
        ? LOCAL
        : {
            local: false,
            why: `the daemon's network ${bridge} is not in this machine's network namespace, where the host rules go (a Docker-in-Docker sidecar, or a rootless daemon: use host-firewall off with that)`
        };
}
/** The PID the daemon reported for the agent is not the agent's in our PID namespace. */
function placementFromPid(pid) {
    return {
        local: false,
        why: `the daemon reports the agent as PID ${pid}, which is not the agent container in this machine's PID namespace (a Docker-in-Docker sidecar)`
    };
}
function remoteDaemonError(placement) {
    return new Error(`the Docker daemon is not on this runner: ${placement.why}. Its bridges are in this ` +
        "runner's network namespace but its processes are not (a sidecar in the same pod): the " +
        'agent cannot be armed or checked through the PID it reports, and the daemon mounted ' +
        "its own files where the runner's were meant. Set docker-daemon: remote (or point " +
        "DOCKER_HOST at the sidecar's TCP port) for topology-only mode, or give the runner its " +
        'own Docker engine (see docs/self-hosted.md).');
}

/**
 * The check before the command runs: every layer is verified from the host, against the
 * plans that were applied. Any failure throws, and the command never starts.
 */
/** Returns the checks that passed (for the log and summary); throws listing every failure. */
async function selfCheck(a) {
    const { host, container } = a.plans;
    const [h4, h6, [c4, c6], processes] = await Promise.all([
        a.hostRules ? a.netfilter.save(4) : '',
        a.hostRules ? a.netfilter.save(6) : '',
        a.agentRules(),
        a.processes()
    ]);
    const hostResults = a.hostRules
        ? [
            ['host IPv4 rules in place and jumped to', planProblems(h4, host, 4, 'host')],
            ['host IPv6 rules in place and jumped to', planProblems(h6, host, 6, 'host')]
        ]
        : [];
    const results = [
        ...hostResults,
        ['agent IPv4 rules in place', planProblems(c4, container, 4, 'agent')],
        ['agent IPv6 rules in place', planProblems(c6, container, 6, 'agent')],
        [
            `agent processes (${processes.length}) hold no capabilities, NoNewPrivs 1, Seccomp 2`,
            processes.flatMap(securityProblems)
        ]
    ];
    const problems = results.flatMap(([, p]) => p);
    if (problems.length > 0)
        throw new Error(`the sandbox failed its self-check, so the command was not started:\n  ${problems.join('\n  ')}`);
    return results.map(([name]) => name);
}

/** The corporate proxy's address: the host rules and Squid's parent need an IPv4 address. */
async function resolveUpstreamProxy(upstream) {
    const literal = parseIpLiteral(upstream.host);
    let address = literal?.family === 4 ? literal.address : undefined;
    if (!address) {
        try {
            address = (await lookup(upstream.host, { family: 4 })).address;
        }
        catch (e) {
            throw new Error(`the upstream proxy ${upstream.host}:${upstream.port} does not resolve to an IPv4 address on this runner (${e instanceof Error ? e.message : String(e)})`);
        }
    }
    return { address, port: upstream.port, login: upstream.login !== undefined };
}
/** What the proxy settings add to the render input (never a secret's value). */
async function proxyRenderInput(proxy) {
    if (!proxy)
        return {};
    const i = proxy.interception;
    return {
        noSniHosts: proxy.noSniHosts,
        ...(proxy.upstream ? { upstreamProxy: await resolveUpstreamProxy(proxy.upstream) } : {}),
        ...(i && i.hosts.length > 0
            ? {
                interception: {
                    hosts: i.hosts,
                    credentials: i.credentials.map((c) => ({ host: c.host, header: c.header })),
                    upstreamCa: i.caCertificates !== undefined
                }
            }
            : {})
    };
}
/**
 * The proxy container's environment: the login and the credentials' values travel here,
 * never in argv or a file (the entrypoint writes them into its private copy of squid.conf).
 */
function proxyEnv(proxy) {
    const login = proxy?.upstream?.login;
    const credentials = proxy?.interception?.credentials ?? [];
    return {
        ...(login ? { AWF_UPSTREAM_LOGIN: login } : {}),
        ...Object.fromEntries(credentials.map((c, n) => [credentialMark(n), c.value]))
    };
}

/**
 * The enforcement canary: after the rules are in place and before the command starts, probes
 * run inside the agent's network namespace with the agent's user, capabilities and seccomp
 * profile (src/sandbox/container-specs.ts canarySpec), and each refusal is confirmed in the
 * refusing layer's own log. No probe sends a packet beyond the sandbox: the DNS and proxy
 * probes stop at the proxy, the direct one aims at the proxy itself. Its container starts
 * while the proxy becomes ready and holds its probes at a gate until released.
 */
const read$1 = (path) => {
    try {
        return readFileSync(path, 'utf8');
    }
    catch {
        return '';
    }
};
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Log lines land a moment after the probe returns; look again for a short, bounded while. */
async function eventually(check, timeoutMs = 3000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (await check())
            return true;
        await new Promise((r) => setTimeout(r, 25));
    }
    return check();
}
/** The probes, as one bash script run in the agent's network namespace. */
function canaryScript(topology) {
    const { proxyIp } = topology;
    // The probes are independent: they run side by side, each printing one short line (a
    // single write, so lines never interleave), and the script waits for all of them.
    return [
        `getent hosts ${CANARY_NAME} >/dev/null; echo "dns=$?"`,
        `curl -s -o /dev/null -w "proxy=%{http_code}\\n" --max-time 5 http://${CANARY_NAME}/`,
        `(exec 3<>/dev/tcp/${proxyIp}/${CANARY_PORT}) 2>/dev/null; echo "direct=$?"`,
        // A tunnel whose TLS server name is not the CONNECT host's: refused at the ClientHello.
        `curl -s -o /dev/null --max-time 5 -x http://${proxyIp}:${SQUID_PORT} --connect-to ${CANARY_NAME}:443:${TLS_CANARY_TUNNEL}:443 https://${CANARY_NAME}/; echo "tls=$?"`,
        // SIOCSIFFLAGS on lo with the flags it already has (up, loopback, running): a change that
        // needs CAP_NET_ADMIN, as every firewall rule change does, and would change nothing.
        `python3 -c "import socket,fcntl,struct; fcntl.ioctl(socket.socket(), 0x8914, struct.pack('16sH14x', b'lo', 0x49))" 2>&1 | grep -q 'Errno 1'; echo "netadmin=$?"`
    ]
        .map((probe) => `{ ${probe}; } &`)
        .concat('wait')
        .join('\n');
}
/** Returns the checks passed; throws listing the failures. */
async function runCanary(probe, netfilter, run) {
    const { proxyIp, runId } = run.topology;
    const script = canaryScript(run.topology);
    const r = await probe(script);
    const got = (key) => new RegExp(`^${key}=(\\S+)$`, 'm').exec(r.stdout)?.[1] ?? 'none';
    const agentDrop = new RegExp(`${escape(logPrefixes(runId).agent)}.* DST=${escape(proxyIp)} .*DPT=${CANARY_PORT} `);
    const checks = [
        [
            'canary: a DNS query for a name not allowed is refused by the forwarder',
            async () => got('dns') === '2' &&
                (await eventually(() => read$1(join(run.logsDir, 'dns.log')).includes(`config ${CANARY_NAME} is NXDOMAIN`)))
        ],
        [
            'canary: a proxied request for a name not allowed is refused by Squid, no connection made',
            async () => got('proxy') === '403' &&
                (await eventually(() => new RegExp(`TCP_DENIED/403 GET ${escape(CANARY_NAME)} 80 - `).test(read$1(join(run.logsDir, 'access.log')))))
        ],
        [
            'canary: a tunnel whose TLS server name does not match it is refused at the ClientHello',
            async () => got('tls') === '35' &&
                (await eventually(() => new RegExp(`CONNECT ${escape(TLS_CANARY_TUNNEL)} 443 .* ${escape(CANARY_NAME)} terminate ${SQUID_TLS_PORT}$`, 'm').test(read$1(join(run.logsDir, 'access.log')))))
        ],
        [
            'canary: changing the network configuration fails with EPERM (no NET_ADMIN)',
            () => Promise.resolve(got('netadmin') === '0')
        ],
        [
            'canary: a direct connection that ignores the proxy is dropped by the container rules',
            async () => got('direct') !== '0' &&
                (!run.confirmDrops ||
                    (await eventually(async () => agentDrop.test(await netfilter.kernelLog()))))
        ]
    ];
    const results = await Promise.all(checks.map(async ([name, ok]) => [name, await ok()]));
    const failed = results.filter(([, ok]) => !ok).map(([name]) => name);
    if (failed.length > 0)
        throw new Error(`the enforcement canary failed, so the command was not started:\n  ${failed.join('\n  ')}\n` +
            `canary output: ${JSON.stringify(r.stdout + r.stderr)}`);
    return results.map(([name]) => name);
}
/**
 * The canary's container, waiting at its gate (a FIFO held open here, as the agent's
 * handshake) until its probes are released, or it is abandoned on a failed start.
 */
class StartedCanary {
    script;
    gate;
    result;
    stop;
    waiting = true;
    constructor(script, gate, result, 
    /** Removes the container: its `docker run` then ends with what the probes printed so far. */
    stop) {
        this.script = script;
        this.gate = gate;
        this.result = result;
        this.stop = stop;
    }
    /**
     * Lets the probes go (the script must be the one the container was started with); after
     * `limitMs` the container is removed, and the probes that had not answered count as failed.
     */
    async release(script, limitMs) {
        if (script !== this.script)
            throw new Error('the canary was started with other probes than the ones checked');
        this.waiting = false;
        this.gate.go();
        const timer = setTimeout(() => void this.stop().catch(() => undefined), limitMs);
        try {
            return await this.result;
        }
        finally {
            clearTimeout(timer);
            this.gate.close();
        }
    }
    /** A failed start, before the probes were released: the container is told to abort. */
    async abandon(waitMs) {
        if (!this.waiting)
            return;
        this.waiting = false;
        await abortAndClose(this.gate, this.result, waitMs);
    }
}
/**
 * The canary's container, started at its gate. `timeoutMs` bounds its whole `docker run`
 * (the wait at the gate included); `release` bounds the probes themselves.
 */
async function startCanary(run, prepared, agent, timeoutMs) {
    const gateDir = makeDir(join(prepared.workDir, 'canary-ctl'), 0o755);
    const gate = await run.deps.probes.openHandshake(gateDir);
    const script = canaryScript(prepared.topology);
    const result = run.deps.docker.runCaptured(canarySpec(agent.options, prepared.ourAgentImage, script, gateDir), timeoutMs);
    // Awaited once released; a start that fails before must not go unhandled.
    result.catch(() => undefined);
    const { docker } = run.deps;
    return new StartedCanary(script, gate, result, () => docker.containerRemove([run.names.canary]));
}

/**
 * Starting the sandbox: the agent container (held at its handshake), the proxy, readiness,
 * the container rules, the self-check and the canary. Only when all of them pass does the
 * command get its `go`.
 */
const READY_TIMEOUT_MS = 60000;
const CANARY_TIMEOUT_MS = 30000;
/** Container rules and route through nsenter; returns the namespace's rules as saved. */
async function armFromHost(agentNet, rendered, proxyIp) {
    if (rendered['container-rules.v4'])
        await agentNet.restore(4, rendered['container-rules.v4']);
    if (rendered['container-rules.v6'])
        await agentNet.restore(6, rendered['container-rules.v6']);
    await agentNet.setDefaultRoute(proxyIp);
    return async () => [await agentNet.save(4), await agentNet.save(6)];
}
/** The same through the short-lived NET_ADMIN helper (host-firewall off); it prints the rules. */
async function armFromHelper(docker, spec) {
    const r = await docker.runCaptured(spec, CANARY_TIMEOUT_MS);
    const m = /^=== v4\n([\s\S]*)^=== v6\n([\s\S]*)$/m.exec(r.stdout);
    if (r.exitCode !== 0 || !m)
        throw new Error(`the helper could not install the agent's rules (exit code ${r.exitCode}): ${r.stderr.trim() || r.stdout.trim()}`);
    const saved = [m[1], m[2]];
    return () => Promise.resolve(saved);
}
async function startProxy(run, prepared) {
    const { docker } = run.deps;
    const { names } = run;
    try {
        await docker.containerCreate(proxySpec({
            topology: prepared.topology,
            image: prepared.proxyImage,
            labels: run.labels,
            configDir: join(prepared.workDir, 'config'),
            logsDir: run.logsDir,
            logsGroup: statSync(run.logsDir).gid,
            env: proxyEnv(run.request.proxy)
        }));
        await docker.networkConnect(names.egressNetwork, names.proxy, prepared.topology.proxyEgressIp);
        await docker.containerStart(names.proxy);
    }
    catch (e) {
        throw new Error(`the proxy container (${prepared.proxyImage}) could not start: ${errorText(e)}`);
    }
}
async function waitUntilReady(run, prepared, agent, handshake, exited, onCanary) {
    const { docker, probes } = run.deps;
    // A remote daemon's networks are not ours to reach: the probe runs in the proxy's namespace.
    const proxyReady = prepared.topologyOnly
        ? waitForProxyInDaemon(docker.runCaptured.bind(docker), (script) => readinessProbeSpec(agent.options, prepared.ourAgentImage, script), prepared.topology.proxyIp, READINESS_PROBE_NAME, READY_TIMEOUT_MS)
        : probes.waitForProxy({
            host: prepared.topology.proxyIp,
            squidPort: SQUID_PORT,
            dnsPort: DNS_PORT,
            probeName: READINESS_PROBE_NAME
        }, READY_TIMEOUT_MS, () => docker.containerRunning(run.names.proxy));
    // The agent's rules go in, and the canary's container starts, while the proxy becomes
    // ready: the agent waits at its handshake and the canary at its gate, and nothing is
    // checked or sent before both are ready.
    const [, access] = await settleAll([
        proxyReady.catch(async (e) => {
            throw new Error(`${errorText(e)}\nproxy log:\n${await docker.logs(run.names.proxy)}`);
        }),
        handshake.waitReady(READY_TIMEOUT_MS, exited).then(async () => {
            const ready = await agentAccess(run, prepared, agent);
            onCanary(await startCanary(run, prepared, agent, READY_TIMEOUT_MS + CANARY_TIMEOUT_MS));
            return ready;
        })
    ]);
    return access;
}
/**
 * The container rules installed, and where the agent's rules and processes are read: through
 * its PID here, or on the daemon.
 */
async function agentAccess(run, prepared, agent) {
    const { docker, netfilter, probes } = run.deps;
    const helper = () => armFromHelper(docker, netAdminHelperSpec(agent.options, prepared.ourAgentImage, join(prepared.workDir, 'config')));
    if (prepared.topologyOnly)
        return {
            agentRules: await helper(),
            processes: () => inspectInDaemon(docker.runCaptured.bind(docker), processInspectorSpec(agent.options, prepared.ourAgentImage, INSPECT_SCRIPT))
        };
    const pid = await docker.containerPid(run.names.agent);
    if (pid === undefined)
        throw new Error('the agent container is not running');
    // nsenter aims at this PID: it must be the agent as this machine sees it, not a process of
    // ours that happens to have the number the daemon reported from its own PID namespace.
    // Without host rules the PID is only read, but a daemon whose PIDs are not ours (a sidecar
    // sharing our network namespace) has mounted its own files for the runner's: refused too.
    if (!probes.isAgentProcess(pid, prepared.hostRules))
        throw remoteDaemonError(placementFromPid(pid));
    const agentNet = prepared.hostRules ? netfilter.inNetns(pid) : undefined;
    return {
        agentNet,
        agentRules: agentNet
            ? await armFromHost(agentNet, prepared.rendered, prepared.topology.proxyIp)
            : await helper(),
        processes: () => probes.inspectProcesses(pid)
    };
}
/** The self-check and the canary's probes side by side. */
async function checkArmed(run, prepared, { agentNet, agentRules, processes }, canary) {
    const { netfilter, probes } = run.deps;
    const { topology } = prepared;
    // Test-only (see ablation.ts): a failed check becomes a warning instead of a refusal.
    const checked = (checks) => run.request.ablation?.runDespiteChecks
        ? checks.catch((e) => {
            warning(`TEST ONLY, running anyway: ${errorText(e)}`);
            return [];
        })
        : checks;
    const [passed, probed] = await settleAll([
        checked(selfCheck({
            netfilter,
            agentRules,
            plans: prepared.plans,
            processes,
            hostRules: prepared.hostRules
        })),
        checked(probes.canary((script) => canary.release(script, CANARY_TIMEOUT_MS), netfilter, {
            topology,
            logsDir: run.logsDir,
            confirmDrops: prepared.hostRules
        }))
    ]);
    return { checks: [...passed, ...probed], agentNet };
}
/**
 * The agent's plan, then its container, which waits at its handshake for `go`; no container
 * when the proxy failed to start while the plan was made.
 */
async function startAgent(run, plan, proxyFailed) {
    const agent = await plan();
    if (proxyFailed())
        return undefined;
    const handshake = await run.deps.probes.openHandshake(agent.controlDir);
    const exited = run.deps.docker.runAttached(ablateAgent(agentSpec(agent.options), run.request.ablation?.layer), run.request.stdio);
    // Awaited by the handshake and the command phase; a failure before them must not go unhandled.
    exited.catch(() => undefined);
    return { agent, handshake, exited };
}
/** How long a failed start waits for the agent's and the canary's runs to end after `abort`. */
const ABORT_WAIT_MS = 10_000;
/** Starts everything and checks it; on failure the agent is told to abort and never runs. */
async function arm(run, prepared, plan) {
    const { names, hooks } = run;
    run.track({
        containers: [
            names.canary,
            names.helper,
            names.agent,
            names.proxy,
            ...(prepared.topologyOnly ? [names.pathsProbe, names.readyProbe, names.inspector] : [])
        ]
    });
    let started;
    let canary;
    let proxyFailed = false;
    try {
        // The proxy needs only the networks and starts at once; the agent starts alongside as soon
        // as its plan is made (a root command's plan waits for the root-only scan).
        await hooks.phase('Starting proxy', () => settleAll([
            startProxy(run, prepared).catch((e) => {
                proxyFailed = true;
                throw e;
            }),
            startAgent(run, plan, () => proxyFailed).then((s) => {
                started = s;
            })
        ]));
        const { agent, handshake, exited } = started;
        const { checks, agentNet } = await hooks.phase('Arming the sandbox', async () => {
            const access = await waitUntilReady(run, prepared, agent, handshake, exited, (c) => {
                canary = c;
            });
            const interception = run.request.proxy?.interception;
            if (interception && interception.hosts.length > 0) {
                info(interceptionLine(interception));
                await installTrust({
                    docker: run.deps.docker,
                    agent: names.agent,
                    workDir: prepared.workDir,
                    logsDir: run.logsDir,
                    caCertificates: interception.caCertificates
                });
            }
            return checkArmed(run, prepared, access, canary);
        });
        return { agent, handshake, exited, checks, agentNet };
    }
    catch (e) {
        await Promise.all([
            canary?.abandon(ABORT_WAIT_MS),
            started && abortAndClose(started.handshake, started.exited, ABORT_WAIT_MS)
        ]);
        throw e;
    }
}

/** `iptables-save -c` puts `[packets:bytes] ` before each rule. */
const COUNTERS = /^\[(\d+):(\d+)\] /;
/** The same text without counters: what `iptables-save` without -c prints. */
function stripCounters(saveText) {
    return saveText.replace(/^\[\d+:\d+\] /gm, '');
}
/** Splits a saved rule into tokens; a double-quoted value (a log prefix) is one token. */
function tokenize(line) {
    return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}
const IMPLICIT_MATCHES = new Set(['tcp', 'udp', 'icmp']);
/** Options as `name value...` strings, sorted: the order iptables-save chose does not matter. */
function canonical(tokens) {
    const options = [];
    for (const t of tokens)
        if (t.startsWith('-') && !/^-\d/.test(t))
            options.push([t]);
        else
            options.at(-1)?.push(t.replace(/\/(32|128)$/, '').replace(/^(\d+)\/second$/, '$1/sec'));
    return options
        .filter((o) => !(o[0] === '-m' && IMPLICIT_MATCHES.has(o[1] ?? '')))
        .map((o) => o.join(' '))
        .sort()
        .join(' ; ');
}
function savedRules(saveText) {
    const rules = [];
    let table = '';
    for (const raw of saveText.split('\n')) {
        const line = raw.trim();
        if (line.startsWith('*'))
            table = line.slice(1);
        const counters = COUNTERS.exec(line);
        const rest = counters ? line.slice(counters[0].length) : line;
        if (!rest.startsWith('-A '))
            continue;
        const [, chain = '', ...tokens] = tokenize(rest);
        rules.push({ chain, table, text: canonical(tokens), packets: Number(counters?.[1] ?? 0) });
    }
    return rules;
}
const chainRules = (rules, table, chain) => rules.filter((r) => r.table === table && r.chain === chain);
/** Rules whose content differs from the plan, position by position. */
function contentProblems(saveText, plan, family, where) {
    const rules = savedRules(saveText);
    const problems = [];
    for (const t of family === 4 ? plan.v4 : plan.v6)
        for (const c of t.chains) {
            const saved = chainRules(rules, t.table, c.chain);
            c.rules.forEach((planned, i) => {
                const have = saved[i];
                if (have && have.text !== canonical(planned))
                    problems.push(`${where}: rule ${i + 1} of ${c.chain} is not the planned one (${JSON.stringify(planned.join(' '))})`);
            });
        }
    return problems;
}
/** The layer a chain's drops belong to, from its LOG prefix (`awf-<run>-<layer>-drop: `). */
function layerOf(chain) {
    for (const rule of chain.rules) {
        const prefix = rule[rule.indexOf('--log-prefix') + 1] ?? '';
        const m = /^awf-[0-9a-f]{8}-(host|runner|ipv6|agent)-drop: $/.exec(prefix);
        if (rule.includes('--log-prefix') && m)
            return m[1];
    }
    return undefined;
}
const isDrop = (rule) => {
    const target = rule[rule.indexOf('-j') + 1];
    return rule.includes('-j') && (target === 'DROP' || target === 'REJECT');
};
/**
 * Packets stopped by the plan's DROP and REJECT rules, per layer, from their counters: unlike
 * the LOG lines (rate-limited, and lost when the kernel's ring buffer wraps), a command cannot
 * exhaust them.
 */
function dropCounters(saveText, plan, family) {
    const rules = savedRules(saveText);
    const counts = {};
    for (const t of family === 4 ? plan.v4 : plan.v6)
        for (const c of t.chains) {
            const layer = layerOf(c);
            if (!layer)
                continue;
            const saved = chainRules(rules, t.table, c.chain);
            const dropped = c.rules.reduce((sum, rule, i) => sum + (isDrop(rule) ? (saved[i]?.packets ?? 0) : 0), 0);
            counts[layer] = (counts[layer] ?? 0) + dropped;
        }
    return counts;
}

const WATCH_INTERVAL_MS = 2000;
/** A failed check is retried after this long. */
const RETRY_MS = 1000;
/**
 * Failed checks in a row that fail the run. The agent's namespace ends with the command, and
 * `docker run --rm` returns only once the container is removed, so reading the agent's rules
 * may fail for a few seconds before the watchdog is stopped; the host's rules and the proxy
 * have no such excuse.
 */
const RETRIES = { host: 1, agent: 5 };
class AgentUnreadable extends Error {
}
const mergeCounts = (...all) => {
    const out = {};
    for (const c of all)
        for (const [layer, n] of Object.entries(c))
            out[layer] = (out[layer] ?? 0) + n;
    return out;
};
/** One family of one place: problems against the plan, and its drop counters. */
async function readRules(netfilter, plan, family, where) {
    const text = await netfilter.saveWithCounters(family);
    return {
        problems: [
            ...planProblems(stripCounters(text), plan, family, where),
            ...contentProblems(text, plan, family, where)
        ],
        counts: dropCounters(text, plan, family)
    };
}
/** Reads of the host's and the agent's rules (none with host-firewall off). */
function ruleReaders(a) {
    const { host, container } = a.plans;
    const families = [4, 6];
    const readHost = async () => a.rules ? Promise.all(families.map((f) => readRules(a.rules.netfilter, host, f, 'host'))) : [];
    const readAgent = async () => a.rules
        ? Promise.all(families.map((f) => readRules(a.rules.agentNet, container, f, 'agent'))).catch((e) => {
            throw new AgentUnreadable(e instanceof Error ? e.message : String(e));
        })
        : [];
    return { readHost, readAgent };
}
/** The drop counters at the end: read once more, or the watchdog's last read if that fails. */
async function finalDrops(a, reads, last) {
    if (!a.rules)
        return [];
    const merged = (r) => mergeCounts(...r.map((x) => x.counts));
    const [hostNow, agentNow] = await Promise.all([
        reads.readHost().then(merged, () => undefined),
        reads.readAgent().then(merged, () => undefined)
    ]);
    const counts = (c, final) => Object.entries(c).map(([layer, packets]) => ({ layer, packets, final }));
    return [
        ...counts(hostNow ?? last.host, hostNow !== undefined),
        ...counts(agentNow ?? last.agent, agentNow !== undefined)
    ];
}
/** Starts watching; returns the function that stops it. */
function watchFirewall(a) {
    let stopped = false;
    let timer;
    const last = { host: {}, agent: {} };
    const reads = ruleReaders(a);
    const check = async () => {
        const [running, hostRules, agentRules] = await Promise.all([
            a.proxyRunning(),
            reads.readHost(),
            reads.readAgent()
        ]);
        last.host = mergeCounts(...hostRules.map((r) => r.counts));
        last.agent = mergeCounts(...agentRules.map((r) => r.counts));
        return [
            ...(running ? [] : ['the proxy container stopped (Squid or its DNS forwarder died)']),
            ...[...hostRules, ...agentRules].flatMap((r) => r.problems)
        ];
    };
    const fail = (problems) => {
        if (stopped)
            return;
        stopped = true;
        a.onFailure(problems);
    };
    const tick = (delayMs, failures) => {
        timer = setTimeout(() => {
            check().then((problems) => {
                if (stopped)
                    return;
                if (problems.length > 0)
                    fail(problems);
                else
                    tick(WATCH_INTERVAL_MS, 0);
            }, (e) => {
                if (stopped)
                    return;
                const limit = e instanceof AgentUnreadable ? RETRIES.agent : RETRIES.host;
                if (failures < limit)
                    tick(RETRY_MS, failures + 1);
                else
                    fail([
                        `the watchdog could not check the firewall: ${e instanceof Error ? e.message : String(e)}`
                    ]);
            });
        }, delayMs);
    };
    tick(WATCH_INTERVAL_MS, 0);
    return async () => {
        stopped = true;
        clearTimeout(timer);
        return finalDrops(a, reads, last);
    };
}

/**
 * The command phase: `go`, then the agent-timeout timer and the watchdog while the command
 * runs, and the exit status the run reports.
 */
/** What ended the command, mapped to the status the step and the CLI exit with. */
function commandExitCode(end) {
    if (end.firewallFailure !== undefined)
        return ExitCode.sandbox;
    if (end.timedOut)
        return ExitCode.timeout;
    return end.status;
}
async function runCommandPhase(run, prepared, armed) {
    const { agent } = armed;
    const { docker, netfilter } = run.deps;
    const { names, hooks, request } = run;
    const kill = () => void docker.containerRemove([names.agent]).catch(() => undefined);
    try {
        hooks.onCommandStart?.();
        // The kernel's own clock marks the start, for telling the canary's drops from the command's.
        if (request.hostFirewall)
            await netfilter.markKernelLog(commandStartMark(run.runId)).catch(() => undefined);
        const commandStartMs = Date.now();
        armed.handshake.go();
        let timedOut = false;
        // On expiry the whole sandbox goes: the agent at once, the rest in teardown.
        const { timeoutMs } = request.agent.limits;
        const timer = timeoutMs > 0
            ? setTimeout(() => {
                timedOut = true;
                kill();
            }, timeoutMs)
            : undefined;
        let firewallFailure;
        const stopWatching = request.ablation?.runDespiteChecks
            ? () => Promise.resolve([])
            : watchFirewall({
                plans: prepared.plans,
                rules: armed.agentNet ? { netfilter, agentNet: armed.agentNet } : undefined,
                proxyRunning: () => docker.containerRunning(names.proxy),
                onFailure: (problems) => {
                    firewallFailure = problems.join('; ');
                    kill();
                }
            });
        const status = await armed.exited;
        clearTimeout(timer);
        // Before teardown: the host rules (and their counters) are still in place.
        const drops = await stopWatching();
        hooks.onCommandEnd?.();
        // The agent container has exited: nothing changes the workspace any more.
        const gitFindings = checkGit(request.workspace, agent.git, run.logsDir);
        return {
            runId: run.runId,
            exitCode: commandExitCode({ status, timedOut, firewallFailure }),
            firewallFailure,
            logsDir: run.logsDir,
            agentIp: prepared.agentIp,
            proxyIp: prepared.topology.proxyIp,
            upstreamProxy: prepared.upstreamProxy,
            commandStartMs,
            checks: armed.checks,
            mode: prepared.mode,
            hostFirewall: prepared.hostRules,
            topologyOnly: prepared.topologyOnly,
            timedOut,
            masked: agent.masked,
            gitFindings,
            drops,
            images: prepared.images
        };
    }
    finally {
        armed.handshake.close();
    }
}

/**
 * The images a release published: images.json (next to containers/) names the registry path
 * and the digest of the proxy and agent images. The action pulls exactly those digests,
 * checks what it got, and falls back to building from containers/ when nothing is published
 * or the registry cannot be reached. `image-registry` points the same digests at a mirror.
 */
const PUBLISHED_IMAGES_FILE = 'images.json';
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** A registry host (name or address, optional port) and an optional lower-case path. */
const REPOSITORY = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:]+\])(?::\d{1,5})?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
/** A value of `image-registry`, normalized; refused with an InputError naming the input. */
function parseImageRegistry(value, where) {
    const v = value.trim().replace(/\/+$/, '');
    if (REPOSITORY.test(v))
        return v;
    throw new InputError([
        problem(where, value, 'is not a registry path', 'Give the host (and port) of a registry and an optional lower-case path, without a ' +
            'scheme, tag or digest, e.g. 127.0.0.1:5000/awf; the images are pulled from it as ' +
            '<value>/awf-proxy@<digest> and <value>/awf-agent@<digest>.')
    ]);
}
/** Parses images.json; throws naming the file and the key that is wrong. */
function parsePublishedImages(text, file) {
    const fail = (what) => {
        throw new Error(`${file}: ${what} (the release workflow writes this file; see docs/release.md)`);
    };
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        return fail(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        return fail('not an object');
    const { version = '', repository = '', images = {} } = data;
    if (typeof version !== 'string')
        return fail('"version" is not a string');
    if (typeof repository !== 'string' || (repository && !REPOSITORY.test(repository)))
        return fail('"repository" is not a registry path');
    if (typeof images !== 'object' || images === null || Array.isArray(images))
        return fail('"images" is not an object');
    const digests = {};
    for (const [kind, digest] of Object.entries(images)) {
        if (kind !== 'proxy' && kind !== 'agent')
            return fail(`"images" has an unknown kind "${kind}"`);
        if (typeof digest !== 'string' || !DIGEST.test(digest))
            return fail(`"images.${kind}" is not a sha256 digest`);
        digests[kind] = digest;
    }
    if (Object.keys(digests).length > 0 && !repository)
        return fail('digests but no "repository"');
    return { version, repository, digests };
}
/** images.json of the bundle's project root, or nothing published when it is absent. */
function readPublishedImages(root) {
    const file = join(root, PUBLISHED_IMAGES_FILE);
    if (!existsSync(file))
        return { version: '', repository: '', digests: {} };
    return parsePublishedImages(readFileSync(file, 'utf8'), file);
}
/** The action's version: package.json next to containers/ (a release commit sets it), if any. */
function actionVersion(root) {
    const file = join(root, 'package.json');
    if (!existsSync(file))
        return 'unknown (no package.json next to the bundle)';
    try {
        const version = JSON.parse(readFileSync(file, 'utf8')).version;
        return typeof version === 'string' ? version : 'unknown';
    }
    catch {
        return 'unknown (package.json is not readable JSON)';
    }
}
/** `<repository>/awf-<kind>@<digest>`, from the mirror when one is given; none if unpublished. */
function publishedRef(published, kind, registry) {
    const digest = published.digests[kind];
    if (!digest)
        return undefined;
    return `${registry ?? published.repository}/awf-${kind}@${digest}`;
}
/**
 * The image `ref` (`name@sha256:...`), present or pulled. Docker verifies pulled content against
 * the digest; we then check the image is recorded locally under exactly that reference.
 */
async function pullByDigest(docker, ref) {
    const digest = ref.slice(ref.lastIndexOf('@') + 1);
    if (await docker.imageId(ref))
        return { ok: true, ref, digest, pulled: false };
    if (!(await docker.pull(ref)))
        return { ok: false, ref, reason: 'the pull failed (registry unreachable or image missing)' };
    if (!(await docker.imageId(ref)))
        return { ok: false, ref, reason: 'the pulled image is not recorded under that digest' };
    return { ok: true, ref, digest, pulled: true };
}

/**
 * The proxy and agent images: the digests a release published (images.json), pulled and
 * checked; else tagged by a hash of their build context and base image, reused when present,
 * built from containers/ otherwise. scripts/image-tag.sh computes the same tag.
 */
const DEFAULT_BASE_IMAGE = 'debian:bookworm-slim';
/** Made by scripts/setup.sh from Debian's packages where no registry can be reached. */
const LOCAL_BASE_IMAGE = 'awf-base:bookworm';
/** The folder holding containers/, found from this file whether bundled (dist/) or not (src/). */
function projectRoot() {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 5; i++) {
        if (existsSync(join(dir, 'containers', 'proxy', 'Dockerfile')))
            return dir;
        dir = resolve(dir, '..');
    }
    throw new Error('cannot find the containers/ folder next to the action bundle');
}
function listFiles(dir) {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = join(dir, entry.name);
        return entry.isDirectory() ? listFiles(full) : [full];
    });
}
/** First 12 hex characters of sha256 over the base reference and every context file. */
function contextHash(contextDir, baseImage) {
    const hash = createHash('sha256').update(`BASE_IMAGE=${baseImage}\n`);
    const files = listFiles(contextDir)
        .map((f) => relative(contextDir, f))
        .sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1));
    for (const rel of files) {
        const digest = createHash('sha256')
            .update(readFileSync(join(contextDir, rel)))
            .digest('hex');
        hash.update(`${rel}\0${digest}\n`);
    }
    return hash.digest('hex').slice(0, 12);
}
function imageTag(kind, root, baseImage) {
    return `awf-${kind}:${contextHash(join(root, 'containers', kind), baseImage)}`;
}
async function resolveBase(docker, requested) {
    if (requested) {
        if ((await docker.imageId(requested)) || (await docker.pull(requested)))
            return requested;
        throw new Error(`base image ${requested} is not present and cannot be pulled`);
    }
    if (await docker.imageId(DEFAULT_BASE_IMAGE))
        return DEFAULT_BASE_IMAGE;
    if (await docker.pull(DEFAULT_BASE_IMAGE))
        return DEFAULT_BASE_IMAGE;
    if (await docker.imageId(LOCAL_BASE_IMAGE)) {
        info(`${DEFAULT_BASE_IMAGE} cannot be pulled; building on ${LOCAL_BASE_IMAGE}`);
        return LOCAL_BASE_IMAGE;
    }
    throw new Error(`cannot get a base image: ${DEFAULT_BASE_IMAGE} cannot be pulled and ${LOCAL_BASE_IMAGE} ` +
        'does not exist. Run scripts/setup.sh (it builds one from Debian packages) or set a base image.');
}
/**
 * Docker's init binary (a static tini) on this machine: where dockerd installs look for it,
 * then PATH. Host mode needs a local engine anyway, so a local path is the right one.
 */
function findInitBinary(path = process.env.PATH ?? '') {
    const dirs = [
        '/usr/libexec/docker',
        '/usr/local/libexec/docker',
        ...path.split(':').filter((d) => d.startsWith('/'))
    ];
    for (const dir of dirs) {
        const candidate = join(dir, 'docker-init');
        if (existsSync(candidate))
            return realpathSync(candidate);
    }
    throw new Error('cannot find docker-init (the init Docker runs as PID 1) in /usr/libexec/docker or PATH; ' +
        'install the Docker engine package that provides it (docker.io or docker-ce)');
}
/** A given image reference, present or pulled. */
async function ensurePrebuilt(docker, ref, what) {
    if ((await docker.imageId(ref)) || (await docker.pull(ref)))
        return ref;
    throw new Error(`${what} ${ref} is not present and cannot be pulled`);
}
/**
 * Our image for `kind` (the proxy may be replaced by a prebuilt reference): the published
 * digest, present or pulled; else an existing hash-tagged build for any candidate base; else a
 * fresh build. Our agent image is the shell of host mode and the canary's toolbox; an
 * `agent-image` is resolved with ensurePrebuilt.
 */
async function resolveImage(docker, kind, root, options) {
    if (kind === 'proxy' && options.proxyImage)
        return {
            kind,
            ref: await ensurePrebuilt(docker, options.proxyImage, 'proxy image'),
            source: 'given'
        };
    const published = publishedRef(options.published ?? readPublishedImages(root), kind, options.registry);
    if (published) {
        const got = await pullByDigest(docker, published);
        if (got.ok) {
            info(`${kind} image: ${got.ref} (${got.pulled ? 'pulled' : 'present'}, digest checked)`);
            return { kind, ref: got.ref, digest: got.digest, source: got.pulled ? 'pulled' : 'published' };
        }
        info(`cannot use the published ${kind} image ${got.ref}: ${got.reason}; building it locally`);
    }
    else if (options.registry) {
        info(`image-registry is set, but this version names no published ${kind} image; building it locally`);
    }
    const candidates = options.baseImage
        ? [options.baseImage]
        : [DEFAULT_BASE_IMAGE, LOCAL_BASE_IMAGE];
    for (const base of candidates) {
        const tag = imageTag(kind, root, base);
        if (await docker.imageId(tag))
            return { kind, ref: tag, source: 'local' };
        if (await options.cache?.restore(tag))
            return { kind, ref: tag, source: 'cache' };
    }
    const base = await resolveBase(docker, options.baseImage);
    const tag = imageTag(kind, root, base);
    info(`building ${tag} on ${base}`);
    await docker.build({
        context: join(root, 'containers', kind),
        tag,
        buildArgs: { BASE_IMAGE: base }
    });
    await options.cache?.save(tag);
    return { kind, ref: tag, source: 'built' };
}

/**
 * The one host setting a run changes: net.netfilter.nf_log_all_netns, which lets LOG rules
 * inside the agent's network namespace reach the kernel log. The first run that turns it on
 * writes down the value it found, next to the leases; whoever removes the last run on the
 * machine (its teardown, the post step or a sweep) puts that value back.
 */
const SETTING = 'net.netfilter.nf_log_all_netns';
const PROC_PATH = '/proc/sys/net/netfilter/nf_log_all_netns';
const recordOf = (leaseDir) => join(leaseDir, `${SETTING}.was`);
function current() {
    try {
        return readFileSync(PROC_PATH, 'utf8').trim();
    }
    catch {
        return undefined;
    }
}
/** Turns namespace logging on, first writing down what it was if this run changes it. */
async function enableNamespaceLogging(netfilter, leaseDir) {
    const was = current();
    if (was !== undefined && was !== '1') {
        try {
            // Exclusive: of runs starting together, the first one's record stands.
            writeFileSync(recordOf(leaseDir), `${was}\n`, { flag: 'wx', mode: 0o644 });
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
        }
    }
    await netfilter.setSysctl(SETTING, '1');
}
/**
 * Puts the setting back when no run on the machine may still need it: no lease in the folder
 * is held and no network of any run is left. Returns the line to report, if it did.
 */
async function restoreNamespaceLogging(deps, leaseDir) {
    let was;
    try {
        was = readFileSync(recordOf(leaseDir), 'utf8').trim();
    }
    catch {
        return undefined;
    }
    if (leasesIn(leaseDir).some((id) => probeLease(leasePath(leaseDir, id)) === 'held'))
        return undefined;
    if ((await deps.docker.networks(RUN_LABEL)).length > 0)
        return undefined;
    if (!/^[01]$/.test(was)) {
        rmSync(recordOf(leaseDir), { force: true });
        return undefined;
    }
    // The record goes first: a run starting now writes its own and turns the setting on after.
    rmSync(recordOf(leaseDir), { force: true });
    await deps.netfilter.setSysctl(SETTING, was);
    return `restored ${SETTING} to ${was}`;
}

/**
 * Removing a run's resources (for teardown, the post step and the sweep), in an order that keeps every leftover findable: files that may
 * hold secrets first, then containers and host rules, then networks, then the rest of the
 * work folder, and the lease last (a run with a lease left is what the sweep looks for).
 * Idempotent, and safe to run twice at once; each step runs even when an earlier one failed,
 * and problems are returned for the caller to report as warnings, never thrown over the
 * command's result.
 */
/** The work folder's subfolder for files that hold secrets: always the first thing removed. */
const SECRETS_DIR = 'secrets';
const message = (e) => (e instanceof Error ? e.message : String(e));
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Deletes the run's jumps and chains. Another sweep may remove some of them between our save
 * and our restore, which fails the batch: then look again.
 */
async function removeHostRules(netfilter, runId) {
    await settleAll([4, 6].map(async (family) => {
        for (let attempt = 1;; attempt++) {
            const batch = removalBatch(await netfilter.save(family), runId);
            if (!batch)
                return;
            try {
                return await netfilter.restore(family, batch);
            }
            catch (e) {
                if (attempt >= 4)
                    throw e;
            }
        }
    }));
}
/** A network is refused while a container another teardown is removing is still attached. */
async function removeNetworks(docker, networks) {
    for (let attempt = 1;; attempt++) {
        try {
            return await docker.networkRemove(networks);
        }
        catch (e) {
            if (attempt >= 5 || !/active endpoints/i.test(message(e)))
                throw e;
            await pause(300 * attempt);
        }
    }
}
/** The secrets first (they must not outlive a failure later on), then the rest. */
function removeFolder(dir, secretsOnly) {
    rmSync(secretsOnly ? join(dir, SECRETS_DIR) : dir, {
        recursive: true,
        force: true,
        maxRetries: 3
    });
}
/** Removes everything `r` names; returns the problems (empty when all is gone). */
async function removeRun(deps, r) {
    const problems = [];
    const attempt = async (what, step) => {
        try {
            await step();
        }
        catch (e) {
            problems.push(`${what}: ${message(e)}`);
        }
    };
    for (const dir of r.secretsOf ? [...r.folders, r.secretsOf] : r.folders)
        await attempt(`removing secrets in ${dir}`, () => removeFolder(dir, true));
    // Containers and rules are independent. Rules go before networks: a run that still has
    // chains always has its networks, which is how the sweep tells a live run from a crashed one.
    await Promise.all([
        attempt('removing containers', () => deps.docker.containerRemove(r.containers)),
        r.hostRules
            ? attempt('removing host rules', () => removeHostRules(deps.netfilter, r.runId))
            : undefined
    ]);
    if (r.stage === 'running')
        return problems;
    await attempt('removing networks', () => removeNetworks(deps.docker, r.networks));
    for (const dir of r.folders)
        await attempt('removing temporary files', () => removeFolder(dir, false));
    const lease = r.lease;
    if (lease && problems.length === 0)
        await attempt('removing the lease', () => removeLeaseFiles(lease));
    return problems;
}

/**
 * What one run holds (for teardown and the post step) and who owns it (for the sweep of
 * crashed runs). The names themselves come from src/common/run-names.ts.
 */
/** Field 22 of /proc/PID/stat: start time in clock ticks since boot, or undefined. */
function startTime(pid) {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The command name (field 2) may hold spaces and parentheses: count from its end.
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    }
    catch {
        return undefined;
    }
}
/** Identifies this process across PID reuse: `<pid>.<start time>`. */
function ownerToken(pid = process.pid) {
    return `${pid}.${startTime(pid) ?? '0'}`;
}
function ownerAlive(token) {
    const [pid, start] = token.split('.');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 && startTime(n) === start;
}

/**
 * The sweep: finds what runs whose owner died left behind, on this machine, and removes it.
 * A run is judged by its lease (src/sandbox/lease.ts) wherever the sweep can see it; a run
 * whose lease it cannot see (another runner container with its own /run) is left alone.
 * Two sweeps at once remove the same things without failing; a sweep killed halfway leaves
 * the lease of every run it did not finish, so the next sweep finishes the job.
 */
/**
 * Whether the run's owner lives. `labels` are those of any of its containers or networks;
 * without them (chains alone) only a lease in our own folder can say it lives.
 */
function judgeOwner(runId, labels, ctx) {
    if (!labels)
        return ctx.probe(leasePath(ctx.leaseDir, runId)) === 'held' ? 'live' : 'dead';
    const boot = labels[BOOT_LABEL];
    if (boot && boot !== ctx.bootId)
        return 'dead';
    const lease = labels[LEASE_LABEL];
    if (!lease)
        return ctx.legacyAlive(labels[OWNER_LABEL] ?? '') ? 'live' : 'dead';
    switch (ctx.probe(lease)) {
        case 'held':
            return 'live';
        case 'free':
            return 'dead';
        case 'absent':
            // Our own folder shows every live run's lease; another folder may simply not be visible.
            return dirname(lease) === ctx.leaseDir ? 'dead' : 'foreign';
        default:
            return 'foreign';
    }
}
const STAGING_GRACE_MS = 60000;
/** What exists, per run id. Chains and containers are listed before networks (see below). */
async function inventory(deps, opts) {
    const found = new Map();
    const entry = (id) => {
        let f = found.get(id);
        if (!f)
            found.set(id, (f = { containers: [], networks: [], chains: [] }));
        return f;
    };
    // A run has networks whenever it has chains or containers (made after them, removed
    // before them). Listed in this order, chains seen without networks are truly orphaned.
    if (opts.canUseNetfilter)
        for (const family of [4, 6]) {
            const saved = await deps.netfilter.save(family);
            for (const id of runIdsInRuleset(saved))
                entry(id).chains.push(...runChains(saved, id).map((c) => `${c} (IPv${family})`));
        }
    for (const c of await deps.docker.containersByLabel(RUN_LABEL)) {
        const id = c.labels[RUN_LABEL];
        if (!id)
            continue;
        entry(id).containers.push(c.name);
        entry(id).labels ??= c.labels;
    }
    for (const n of await deps.docker.networks(RUN_LABEL)) {
        const id = n.labels[RUN_LABEL];
        if (!id)
            continue;
        entry(id).networks.push(n.name);
        entry(id).labels = n.labels;
    }
    for (const id of leasesIn(opts.leaseDir))
        entry(id);
    return found;
}
function workFolders(runId, roots) {
    const prefix = `awf-${runId}-`;
    return [...new Set(roots)].flatMap((root) => {
        try {
            return readdirSync(root)
                .filter((name) => name.startsWith(prefix))
                .map((name) => join(root, name));
        }
        catch {
            return [];
        }
    });
}
/** Staging FIFOs of takers killed between making and linking them. */
function removeAbandonedStaging(dir) {
    const removed = [];
    let names = [];
    try {
        names = readdirSync(dir).filter((n) => n.startsWith('.staging-'));
    }
    catch {
        return removed;
    }
    for (const name of names) {
        const path = join(dir, name);
        try {
            const old = Date.now() - lstatSync(path).ctimeMs > STAGING_GRACE_MS;
            if (old && probeLease(path) === 'free') {
                rmSync(path, { force: true });
                removed.push(`removed lease ${path}`);
            }
        }
        catch {
            continue;
        }
    }
    return removed;
}
async function sweep(deps, opts) {
    const ctx = {
        leaseDir: opts.leaseDir,
        bootId: currentBootId(),
        probe: probeLease,
        legacyAlive: ownerAlive
    };
    const runs = [];
    const removed = removeAbandonedStaging(opts.leaseDir);
    const problems = [];
    for (const [runId, f] of await inventory(deps, opts)) {
        if (judgeOwner(runId, f.labels, ctx) !== 'dead')
            continue;
        const labelled = f.labels?.[LEASE_LABEL];
        const lease = labelled ?? leasePath(opts.leaseDir, runId);
        const record = readRecord(lease);
        const folders = workFolders(runId, [...opts.tempRoots, ...(record ? [record.tempRoot] : [])]);
        const leaseFiles = probeLease(lease) === 'absent' ? [] : [lease];
        const failed = await removeRun(deps, {
            runId,
            containers: f.containers,
            networks: f.networks,
            hostRules: f.chains.length > 0,
            folders,
            lease
        });
        runs.push(runId);
        if (failed.length > 0) {
            problems.push(...failed.map((p) => `run ${runId}: ${p}`));
            continue;
        }
        removed.push(...folders.map((d) => `removed folder ${d}`), ...f.containers.map((c) => `removed container ${c}`), ...f.chains.map((c) => `removed chain ${c}`), ...f.networks.map((n) => `removed network ${n}`), ...leaseFiles.map((l) => `removed lease ${l}`));
    }
    if (opts.canUseNetfilter) {
        const restored = await restoreNamespaceLogging(deps, opts.leaseDir).catch((e) => {
            problems.push(`restoring a kernel setting: ${e instanceof Error ? e.message : String(e)}`);
            return undefined;
        });
        if (restored)
            removed.push(restored);
    }
    return { runs: runs.sort(), removed, problems };
}

/**
 * Removing the sandbox: a run's own teardown (also the CLI's on a signal, and the action's
 * post step), and the sweep of crashed runs at the start of a run.
 */
/**
 * Removes one run's sandbox as the run (or the post step after it) knows it; when all of it
 * is gone and no other run is left on the machine, the kernel setting runs change goes back.
 */
async function teardown(deps, r) {
    const problems = await removeRun(deps, {
        runId: r.runId,
        containers: r.containers,
        networks: r.networks,
        hostRules: r.hostRules,
        folders: r.workDir && existsSync(r.workDir) ? [r.workDir] : [],
        lease: r.lease
    });
    if (problems.length === 0 && r.lease && r.hostRules) {
        const restored = await restoreNamespaceLogging(deps, dirname(r.lease)).catch((e) => {
            problems.push(`restoring a kernel setting: ${e instanceof Error ? e.message : String(e)}`);
            return undefined;
        });
        if (restored)
            info(restored);
    }
    return problems;
}
/**
 * The sweep at the start of a run: logs one line per thing removed, warns about what could
 * not be (the next sweep tries again), and returns the dead runs it cleaned up after.
 */
async function sweepStale(deps, canUseNetfilter, tempRoot, leaseDir = defaultLeaseDir(tempRoot)) {
    const outcome = await sweep(deps, { canUseNetfilter, leaseDir, tempRoots: [tempRoot] });
    for (const line of outcome.removed)
        info(line);
    for (const problem of outcome.problems)
        warning(`leftovers of a crashed run: ${problem}`);
    return [...outcome.runs];
}

/**
 * Choosing the run's two /24 subnets: inside the address pool (172.28.0.0/14 unless the
 * address-pool input names another), clear of every route on the host and every Docker
 * network. Pure; the caller supplies what is in use and retries on a collision.
 */
const BLOCK_PREFIX = 24;
/** The pool runs take their networks from when no address pool is given. */
const DEFAULT_ADDRESS_POOL = '172.28.0.0/14';
function ipv4ToInt(text) {
    const parts = text.split('.').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255))
        throw new Error(`not an IPv4 address: ${text}`);
    return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}
function intToIpv4(n) {
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
function parseIpv4Net(text) {
    const [addr, len = '32'] = text.split('/');
    const prefix = Number(len);
    if (!addr || !Number.isInteger(prefix) || prefix < 0 || prefix > 32)
        return undefined;
    try {
        const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
        return { base: (ipv4ToInt(addr) & mask) >>> 0, prefix };
    }
    catch {
        return undefined;
    }
}
const DEFAULT_POOL = parseIpv4Net(DEFAULT_ADDRESS_POOL);
function overlaps(a, b) {
    const prefix = Math.min(a.prefix, b.prefix);
    const mask = prefix === 0 ? 0 : (-1 << (32 - prefix)) >>> 0;
    return (a.base & mask) >>> 0 === (b.base & mask) >>> 0;
}
/** IPv4 destinations from /proc/net/route (hex, host byte order on little-endian hosts). */
function routesFromProcNetRoute(text) {
    const nets = [];
    for (const line of text.split('\n').slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 8)
            continue;
        const dest = leHexToInt(cols[1] ?? '');
        const mask = leHexToInt(cols[7] ?? '');
        if (dest === undefined || mask === undefined || mask === 0)
            continue; // default route
        nets.push({ base: dest, prefix: popcount(mask) });
    }
    return nets;
}
function leHexToInt(hex) {
    if (!/^[0-9A-Fa-f]{8}$/.test(hex))
        return undefined;
    const n = parseInt(hex, 16);
    return ((((n & 255) << 24) | (((n >>> 8) & 255) << 16) | (((n >>> 16) & 255) << 8) | (n >>> 24)) >>> 0);
}
function popcount(n) {
    let count = 0;
    for (let v = n >>> 0; v; v >>>= 1)
        count += v & 1;
    return count;
}
/** How many /24 blocks a pool holds. */
function poolBlocks(pool) {
    return 2 ** (BLOCK_PREFIX - pool.prefix);
}
/**
 * Picks `count` free /24 blocks of `pool`. `start` (any integer, taken modulo the number of
 * blocks) spreads concurrent runs over the pool; the caller passes a random one and, when
 * Docker reports that another network took a block meanwhile, picks again with a new one.
 */
function pickFreeSubnets(used, count, start, pool = DEFAULT_POOL) {
    const blocks = poolBlocks(pool);
    const picked = [];
    for (let i = 0; i < blocks && picked.length < count; i++) {
        const index = (((start + i) % blocks) + blocks) % blocks;
        const candidate = { base: (pool.base + index * 256) >>> 0, prefix: BLOCK_PREFIX };
        if (used.some((u) => overlaps(u, candidate)))
            continue;
        if (picked.some((p) => overlaps(p, candidate)))
            continue;
        picked.push(candidate);
    }
    if (picked.length < count)
        throw new Error(`no free /24 subnet left in ${formatNet(pool)} for the sandbox networks: remove unused ` +
            'Docker networks (docker network prune) or routes in that range, or give another ' +
            'address-pool');
    return picked;
}
/**
 * Docker's refusal when a subnet is taken by a network created after we looked: the one error
 * that picking again can cure.
 */
function isSubnetCollision(message) {
    return /overlaps with other one|Pool overlaps|networks have overlapping IPv4|invalid pool request/i.test(message);
}
/** Ranges a pool may never come from: the runner itself, link-local, multicast, reserved. */
const UNUSABLE_POOL_RANGES = ['0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/3'].map((text) => parseIpv4Net(text));
const POOL_EXPECTED = 'Expected an IPv4 network in CIDR form with a prefix from /8 to /23 and no host bits set, ' +
    'outside loopback, link-local, multicast and reserved space (default 172.28.0.0/14).';
/**
 * Reads the address-pool input: the IPv4 network every run's /24 subnets are taken from, for
 * clusters whose address plan already uses the default. Empty means the default.
 */
function parseAddressPool(text, where) {
    const value = text.trim();
    if (value === '')
        return DEFAULT_POOL;
    const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(value);
    const net = m ? parseIpv4Net(value) : undefined;
    if (!m || !net)
        return problem(where, text, 'is not an IPv4 network in CIDR form', POOL_EXPECTED);
    if (net.prefix < 8 || net.prefix > BLOCK_PREFIX - 1)
        return problem(where, text, `has prefix /${net.prefix}: a pool must hold at least two /24 networks and at most a /8`, POOL_EXPECTED);
    if (ipv4ToInt(m[1]) !== net.base)
        return problem(where, text, `has host bits set (the network is ${formatNet(net)})`, POOL_EXPECTED);
    if (UNUSABLE_POOL_RANGES.some((r) => overlaps(r, net)))
        return problem(where, text, 'overlaps loopback, link-local, multicast or reserved space', POOL_EXPECTED);
    return net;
}
function formatNet(net) {
    return `${intToIpv4(net.base)}/${net.prefix}`;
}
/** The n-th host address of a network (1 = gateway on Docker bridges). */
function hostAddress(net, n) {
    return intToIpv4((net.base + n) >>> 0);
}

/**
 * The run's two networks: an internal one (agent and proxy, no route out) and an egress one
 * (the proxy only), on /24 subnets of the address pool that nothing on the host uses. A subnet
 * Docker refuses as taken (by one of its networks, or by another run between our look and our
 * create) removes both networks, and the pick is made again, a few times.
 */
/**
 * Subnets taken on the host: its routes, and with `withNetworks` every Docker network's. The
 * first pick looks at the routes only: Docker itself refuses a subnet that overlaps one of its
 * networks, and listing them (two CLI calls) cost about 0.1 s of every run.
 */
async function usedSubnets(docker, withNetworks) {
    const routes = routesFromProcNetRoute(readFileSync('/proc/net/route', 'utf8'));
    const nets = withNetworks ? await docker.networks() : [];
    return [
        ...routes,
        ...nets.flatMap((n) => n.subnets.map(parseIpv4Net).filter((x) => x !== undefined))
    ];
}
/** Picks after this many collisions are given up, with Docker's last refusal. */
const PICK_ATTEMPTS = 5;
async function createPair(docker, runId, labels, [internal, egress]) {
    const n = runNames(runId);
    await settleAll([
        docker.networkCreate({
            name: n.internalNetwork,
            bridgeName: n.internalBridge,
            subnet: formatNet(internal),
            internal: true,
            labels
        }),
        docker.networkCreate({
            name: n.egressNetwork,
            bridgeName: n.egressBridge,
            subnet: formatNet(egress),
            internal: false,
            labels
        })
    ]);
}
/** Both networks; a subnet taken meanwhile removes them and picks again. */
async function createWithRetry(docker, request, random) {
    const n = runNames(request.runId);
    for (let attempt = 1;; attempt++) {
        const picked = pickFreeSubnets(await usedSubnets(docker, attempt > 1), 2, Math.floor(random() * 2 ** 16), request.pool);
        try {
            await createPair(docker, request.runId, request.labels, picked);
            return picked;
        }
        catch (e) {
            const collided = e instanceof DockerError && isSubnetCollision(e.message);
            if (!collided || attempt >= PICK_ATTEMPTS)
                throw e;
            await docker.networkRemove([n.internalNetwork, n.egressNetwork]);
        }
    }
}
/** Creates both networks; the proxy gets .2 on each, the agent .3 on the internal one. */
async function createNetworks(docker, runId, labels, upstreamDns, { pool, random = Math.random } = {}) {
    const n = runNames(runId);
    const [internal, egress] = await createWithRetry(docker, { runId, labels, pool }, random);
    return {
        topology: {
            runId,
            internalSubnet: { address: hostAddress(internal, 0), prefix: internal.prefix },
            internalBridge: n.internalBridge,
            internalGateway: hostAddress(internal, 1),
            proxyIp: hostAddress(internal, 2),
            egressSubnet: { address: hostAddress(egress, 0), prefix: egress.prefix },
            egressBridge: n.egressBridge,
            proxyEgressIp: hostAddress(egress, 2),
            upstreamDns
        },
        agentIp: hostAddress(internal, 3)
    };
}

/**
 * The runner's own upstream resolvers, for when the policy names none. A loopback stub
 * (systemd-resolved's 127.0.0.53) cannot serve a container, so its upstream file is followed.
 */
const RESOLV_CONF = '/etc/resolv.conf';
const SYSTEMD_UPSTREAM = '/run/systemd/resolve/resolv.conf';
function read(path) {
    try {
        return readFileSync(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
function detectUpstreamDns(readFile = read) {
    const tried = [];
    for (const path of [RESOLV_CONF, SYSTEMD_UPSTREAM]) {
        const text = readFile(path);
        if (text === undefined)
            continue;
        tried.push(path);
        const usable = nameserversFromResolvConf(text).filter((ip) => !isLoopbackStub(ip));
        if (usable.length > 0)
            return usable;
    }
    throw new Error(`no upstream DNS server found (looked in ${tried.join(' and ') || RESOLV_CONF}; loopback stubs ` +
        'cannot be reached from a container). Set dns-servers to the resolvers the proxy should use.');
}

/**
 * The phases before any container starts: the work folder, the engine check, images, the
 * run's networks, the sweep of crashed runs, the rendered configs, and the host rules.
 */
async function prepare(run) {
    const { request, hooks, deps } = run;
    const workDir = mkdtempSync(join(request.tempRoot, run.names.workDirPrefix));
    run.track({ workDir });
    // Not world-writable: the proxy's entrypoint creates its log files through the folder's
    // group (proxySpec) and hands them to Squid's user, who may only pass through (o+x) to
    // open them by name.
    makeDir(run.logsDir, 0o771);
    const rootOnlyScan = scanAhead(run, workDir);
    const byDockerHost = placementFromDockerHost(request.agent.runner.dockerHost);
    await hooks.phase('Checking Docker', () => deps.docker.ensureEngine());
    const root = projectRoot();
    info(`awf-action ${actionVersion(root)}`);
    const given = request.agent.image;
    const upstreamDns = request.policy.dnsServers.length > 0 ? request.policy.dnsServers : detectUpstreamDns();
    // Independent: leftovers of crashed runs, image checks (or builds) and the two networks
    // (a leftover's subnet may look taken for this run; there are 1,024 to pick from).
    run.track({ networks: [run.names.internalNetwork, run.names.egressNetwork] });
    const [proxy, ourAgent, givenImage, { topology, agentIp }] = await hooks.phase('Preparing images and networks', () => settleAll([
        resolveImage(deps.docker, 'proxy', root, request.images),
        resolveImage(deps.docker, 'agent', root, request.images),
        given ? ensurePrebuilt(deps.docker, given, 'agent image') : undefined,
        createNetworks(deps.docker, run.runId, run.labels, upstreamDns, {
            pool: request.addressPool
        }),
        sweepStale(deps, request.hostFirewall && byDockerHost.local && !request.remoteDaemon, request.tempRoot, run.leaseDir).then((swept) => {
            if (swept.length > 0)
                info(`removed leftovers of crashed runs: ${swept.join(', ')}`);
        })
    ]));
    // Host rules, mounts and the checks through PIDs only work where the bridges are.
    const byBridge = placementFromBridge(topology.internalBridge, deps.probes.interfaceExists(topology.internalBridge));
    const remote = remoteDaemon(request.remoteDaemon, [byDockerHost, byBridge]);
    const onlyTopology = remote && topologyOnly(remote.why);
    if (onlyTopology)
        await enterTopologyOnly(run, workDir, ourAgent.ref, onlyTopology);
    const input = { policy: request.policy, topology, ...(await proxyRenderInput(request.proxy)) };
    const plans = planRules(input);
    const rendered = ablate(renderAll(input, plans), topology, request.ablation?.layer);
    writeConfigs(workDir, run.logsDir, rendered, topology.proxyIp);
    const upstreamCa = request.proxy?.interception?.caCertificates;
    if (upstreamCa && input.interception)
        writeFileSync(join(workDir, 'config', basename(UPSTREAM_CA_FILE)), upstreamCa, { mode: 0o644 });
    const entrypoint = join(root, 'containers', 'agent', 'entrypoint.sh');
    if (onlyTopology)
        copyFileSync(entrypoint, join(workDir, 'entrypoint.sh'));
    return {
        workDir,
        root,
        // A remote daemon cannot mount the runner's /usr: the command runs in the agent image.
        mode: given || onlyTopology ? 'image' : 'host',
        topology,
        agentIp,
        proxyImage: proxy.ref,
        ourAgentImage: ourAgent.ref,
        commandImage: givenImage ?? ourAgent.ref,
        images: [proxy, ourAgent],
        plans,
        rendered,
        upstreamProxy: input.upstreamProxy?.address,
        hostRules: request.hostFirewall && !onlyTopology,
        topologyOnly: onlyTopology || undefined,
        entrypoint: onlyTopology ? join(workDir, 'entrypoint.sh') : entrypoint,
        rootOnlyScan
    };
}
/** Why the daemon counts as remote (forced, or found by DOCKER_HOST or the bridge), if it does. */
function remoteDaemon(forced, placements) {
    if (forced)
        return { why: 'docker-daemon is remote' };
    for (const p of placements)
        if (!p.local)
            return p;
    return undefined;
}
/**
 * The daemon is elsewhere: say so, refuse what cannot work there, and confirm that it sees
 * the run's folder and the workspace (and shares FIFOs with us) before anything uses them.
 */
async function enterTopologyOnly(run, workDir, image, mode) {
    const { request } = run;
    warning(`topology-only mode: ${mode.why}. The runner's iptables cannot reach that daemon's ` +
        'network namespace, so no host firewall rules are applied' +
        `${request.hostFirewall ? ' (host-firewall on was asked for)' : ''}; the run holds on the ` +
        "internal network, the proxy, the DNS forwarder, the container rules and the agent's " +
        `privileges. Not checked: ${mode.notChecked.join('; ')}.`);
    if (request.policy.allowHostPorts.length > 0)
        throw new Error(`allow-host-ports cannot work in topology-only mode (${mode.why}): the runner's ports are ` +
            "not on the daemon's network, and no host rule can open them");
    const user = `${request.agent.uid}:${request.agent.gid}`;
    run.track({ containers: [run.names.pathsProbe] });
    const started = Date.now();
    await confirmSharedPaths(run.deps.docker.runCaptured.bind(run.deps.docker), run.deps.exec.run, {
        probeDir: join(workDir, 'shared-probe'),
        folders: [
            { path: workDir, what: "the run's folder" },
            { path: run.logsDir, what: 'the logs folder' },
            { path: request.workspace, what: 'the workspace' }
        ],
        runId: run.runId,
        spec: (mounts, script) => sharedPathsProbeSpec({ runId: run.runId, labels: run.labels, user }, image, mounts, script)
    });
    info(`the Docker daemon sees the run's folders and the workspace, and shares FIFOs with us (${Date.now() - started} ms)`);
}
/** Host rules go in before any container is attached to the new bridges. */
async function applyHostRules(run, prepared) {
    const { netfilter } = run.deps;
    const { rendered } = prepared;
    if (prepared.topologyOnly)
        return;
    if (!prepared.hostRules) {
        info('host-firewall off: no host iptables rules for this run');
        return;
    }
    run.track({ hostRules: true });
    await run.hooks.phase('Applying host firewall rules', () => settleAll([
        rendered['host-rules.v4'] && netfilter.restore(4, rendered['host-rules.v4']),
        rendered['host-rules.v6'] && netfilter.restore(6, rendered['host-rules.v6']),
        enableNamespaceLogging(netfilter, run.leaseDir)
    ]));
}

/** What every phase of one run shares: its names, labels, logs folder and resource ledger. */
function beginRun(deps, request, hooks, lease, leaseDir) {
    const { runId } = lease;
    const names = runNames(runId);
    let resources = {
        runId,
        containers: [],
        networks: [],
        hostRules: false,
        lease: lease.path
    };
    hooks.onResources(resources);
    return {
        deps,
        request,
        hooks,
        runId,
        names,
        // awf.owner stays for sweeps of earlier versions, which would take a run without it for dead.
        labels: {
            [RUN_LABEL]: runId,
            [LEASE_LABEL]: lease.path,
            [BOOT_LABEL]: currentBootId(),
            [OWNER_LABEL]: ownerToken()
        },
        lease,
        leaseDir,
        logsDir: request.logsDir ?? join(request.tempRoot, names.logsDir),
        track: (change) => {
            resources = { ...resources, ...change };
            hooks.onResources(resources);
        },
        resources: () => resources
    };
}

/**
 * The end of a teardown, after the run's result is out. Once the command has ended, the run
 * removes in-process everything that runs, enforces or holds a secret (containers, host
 * rules, the secrets folder: removal.ts stage 'running'); what is left is inert: networks
 * with no container on them, the work folder's configs, the lease. A detached reaper
 * (dist/reap.js) removes those while the CLI or the action step reports and exits. It takes
 * the lease's FIFO over before the run lets go of it, so every sweep sees the run as live
 * until the reaper is done; if the reaper dies, the lease is free and the next sweep, or the
 * action's post step (which waits for the lease first), removes the rest.
 */
/** The reaper's entry, next to the bundle that runs (dist/); absent when run from sources. */
function reaperScript() {
    const script = join(dirname(fileURLToPath(import.meta.url)), 'reap.js');
    return existsSync(script) ? script : undefined;
}
/**
 * Starts the reaper `script` with the lease's FIFO as its descriptor 3. Returns its PID, or
 * undefined when there is no reaper to start (then the caller removes everything itself).
 */
async function handOver(exec, script, lease, job) {
    const fd = lease.descriptor;
    if (!script || !exec.detach || fd === undefined)
        return undefined;
    return exec.detach(process.execPath, [script, JSON.stringify(job)], [fd]);
}

/**
 * Typed wrapper over iptables-restore/iptables-save (and ip6tables), on the host or inside a
 * container's network namespace through nsenter. Needs root: when not root, commands go
 * through `sudo -n` (GitHub-hosted runners allow it) and fail with an actionable message.
 */
class NetfilterError extends Error {
}
class Netfilter {
    run;
    netnsPid;
    asRoot;
    constructor(run, 
    /** Host PID of a process whose network namespace the commands enter; host when absent. */
    netnsPid, asRoot = process.getuid?.() === 0) {
        this.run = run;
        this.netnsPid = netnsPid;
        this.asRoot = asRoot;
    }
    /** The same tools inside the network namespace of `pid`. */
    inNetns(pid) {
        return new Netfilter(this.run, pid, this.asRoot);
    }
    argv(tool, args) {
        const inner = this.netnsPid === undefined
            ? [tool, ...args]
            : ['nsenter', '-t', String(this.netnsPid), '-n', tool, ...args];
        return this.asRoot ? [inner[0] ?? tool, inner.slice(1)] : ['sudo', ['-n', ...inner]];
    }
    async exec(tool, args, input) {
        const [command, argv] = this.argv(tool, args);
        const result = await this.run(command, argv, { input, timeoutMs: 30000 }).catch((e) => ({
            exitCode: 127,
            stdout: '',
            stderr: e instanceof Error ? e.message : String(e)
        }));
        if (result.exitCode !== 0) {
            const why = lastLine(result.stderr) || `exit code ${result.exitCode}`;
            throw new NetfilterError(`${[tool, ...args].join(' ')} failed: ${why}. Host firewall rules need root (or passwordless ` +
                'sudo) and iptables on the runner; where neither is available, host-firewall: off ' +
                'enforces the policy without them (see docs/threat-model.md).');
        }
        return result.stdout;
    }
    /** Applies a ruleset batch atomically, leaving every other rule in place. */
    async restore(family, text) {
        await this.exec(family === 4 ? 'iptables-restore' : 'ip6tables-restore', ['--noflush'], text);
    }
    async save(family) {
        return this.exec(family === 4 ? 'iptables-save' : 'ip6tables-save', []);
    }
    /** The same with each rule's counters (`[packets:bytes] -A ...`): what the drops counted. */
    async saveWithCounters(family) {
        return this.exec(family === 4 ? 'iptables-save' : 'ip6tables-save', ['-c']);
    }
    /** Sets a kernel setting (see namespace-logging.ts for the one a run changes). */
    async setSysctl(name, value) {
        if (!/^[a-z0-9_.]+$/.test(name) || !/^[0-9]+$/.test(value))
            throw new NetfilterError(`refusing to set ${JSON.stringify(name)} to ${JSON.stringify(value)}`);
        await this.exec('sysctl', ['-q', '-w', `${name}=${value}`]);
    }
    /** The kernel log, where LOG rules write (root, or sudo where dmesg is restricted). */
    async kernelLog() {
        return this.exec('dmesg', []);
    }
    /** Writes one line into the kernel log, stamped with the kernel log's own clock. */
    async markKernelLog(line) {
        await this.exec('tee', ['/dev/kmsg'], `${line}\n`);
    }
    /** Replaces the default route of the namespace (used to steer the agent at the proxy). */
    async setDefaultRoute(via) {
        await this.exec('ip', ['route', 'replace', 'default', 'via', via]);
    }
}

/** The composition root: the real Docker, netfilter, process runner and live-system probes. */
function realDeps() {
    return {
        docker: new Docker(realExec),
        netfilter: new Netfilter(realExec.run),
        exec: realExec,
        probes: {
            waitForProxy,
            openHandshake: (dir) => Handshake.create(realExec.run, dir),
            inspectProcesses: inspectProcessTree,
            findInitBinary: () => findInitBinary(),
            observeRunner,
            interfaceExists: (name) => existsSync(`/sys/class/net/${name}`),
            isAgentProcess: (pid, asRoot) => asRoot ? existsSync(`/proc/${pid}/root${ENTRYPOINT_MOUNT}`) : agentCommandLine(pid),
            canary: runCanary,
            scanRootOnly: scanWithFind(realExec.run)
        },
        reaper: reaperScript()
    };
}
/**
 * Without root, the agent's root folder cannot be entered, but its command line can be read:
 * the agent's PID 1 is our init running our entrypoint.
 */
function agentCommandLine(pid) {
    try {
        return readFileSync(`/proc/${pid}/cmdline`, 'latin1').startsWith([INIT_MOUNT, '--', '/bin/sh', ENTRYPOINT_MOUNT, ''].join('\0'));
    }
    catch {
        return false;
    }
}

/**
 * One firewalled run as its sequence of phases: prepare (work folder, images, networks,
 * configs), host rules, arming (proxy, the agent's plan and container, container rules,
 * self-check, canary), the command, and teardown whatever happened. Each phase lives in its
 * own module. After a command that ended, the teardown's inert rest goes to a background
 * reaper (reaper.ts).
 */
/** Runs `request.command` in a new sandbox and removes the sandbox whatever happens. */
async function runSandboxed(deps, request, hooks, runId) {
    // The lease comes first: from here on, whatever the run leaves is the sweep's to find.
    const leaseDir = request.leaseDir ?? defaultLeaseDir(request.tempRoot);
    const lease = await Lease.take(deps.exec.run, leaseDir, newRunId, request.tempRoot);
    const run = beginRun(deps, request, hooks, lease, leaseDir);
    let ended = false;
    try {
        const prepared = await prepare(run);
        await applyHostRules(run, prepared);
        const armed = await arm(run, prepared, () => planAgent(run, prepared));
        const outcome = await runCommandPhase(run, prepared, armed);
        ended = true;
        return outcome;
    }
    catch (e) {
        if (e instanceof DockerError && e.result.stderr.trim())
            warning(e.result.stderr.trim());
        throw e;
    }
    finally {
        await removeSandbox(run, ended);
    }
}
/**
 * After a command that ended: removes here what runs, enforces or holds a secret, then hands
 * the inert rest (networks, work folder, lease) to the reaper. False when nothing was handed
 * over (no reaper, or something could not be removed here): the whole teardown runs here.
 */
async function handOverRest(run) {
    const r = run.resources();
    const running = await removeRun(run.deps, {
        runId: r.runId,
        containers: r.containers,
        networks: r.networks,
        hostRules: r.hostRules,
        folders: [],
        secretsOf: r.workDir,
        stage: 'running'
    });
    if (running.length > 0)
        return false;
    const pid = await handOver(run.deps.exec, run.deps.reaper, run.lease, {
        resources: { ...r, containers: [] },
        logFile: `${run.logsDir}/teardown.log`
    });
    if (pid === undefined)
        return false;
    // The reaper holds the lease now; ours closes without removing its files.
    run.lease.release(false);
    return true;
}
async function removeSandbox(run, commandEnded) {
    await run.hooks.phase('Removing the sandbox', async () => {
        if (commandEnded && (await handOverRest(run)))
            return;
        const problems = await teardown(run.deps, run.resources());
        for (const problem of problems)
            warning(problem);
        // With problems left, the lease's files stay (unheld) for the post step or the next sweep.
        run.lease.release(problems.length === 0);
        if (problems.length === 0)
            run.track({
                containers: [],
                networks: [],
                hostRules: false,
                workDir: undefined,
                lease: undefined
            });
    });
}

/** What the platform is, for runnerRefusal (src/agent/runner-support.ts): files and the environment only. */
function onPath(name, path) {
    return path
        .split(delimiter)
        .filter(Boolean)
        .some((dir) => {
        try {
            accessSync(join(dir, name), constants.X_OK);
            return true;
        }
        catch {
            return false;
        }
    });
}
/**
 * A `container:` job runs actions inside the job container, where the runner mounts its
 * externals at /__e (the Node that runs us) and the work folder at /__w.
 */
function inJobContainer(env, execPath) {
    return (env.GITHUB_ACTIONS === 'true' &&
        (execPath.startsWith('/__e/') || (env.GITHUB_WORKSPACE ?? '').startsWith('/__w/')));
}
function platformFacts(env, execPath, platform) {
    return {
        platform,
        inJobContainer: inJobContainer(env, execPath),
        dockerOnPath: onPath('docker', env.PATH ?? ''),
        // sudo's secure_path holds the sbin folders even where the user's PATH does not.
        iptablesFound: onPath('iptables-restore', [env.PATH ?? '', '/usr/sbin', '/sbin'].join(delimiter))
    };
}

/** The command's resource limits, from inputs or flags: parsed once, refused with the reason. */
const MIB = 1024 * 1024;
const MIN_MEMORY = 64 * MIB;
const UNITS = {
    '': 1,
    k: 1024,
    m: MIB,
    g: 1024 * MIB,
    t: 1024 * 1024 * MIB
};
const DEFAULT_PIDS_LIMIT = 4096;
/**
 * Self-hosted runners let a job run for 5 days (GitHub-hosted ones stop it after 6 hours, so a
 * longer timeout there never fires, which is harmless).
 */
const MAX_TIMEOUT_MINUTES = 5 * 24 * 60;
/** `where` names the input or flag, e.g. `input memory-limit` or `flag --memory-limit`. */
function parseLimits(raw, where, totalMemory) {
    const problems = [];
    let timeoutMs = 0;
    const t = raw.timeoutMinutes?.trim() ?? '';
    if (t !== '') {
        const minutes = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
        if (!(minutes > 0 && minutes <= MAX_TIMEOUT_MINUTES))
            problems.push(problem(where('agent-timeout'), t, 'is not a timeout', `Give minutes, more than 0 and at most ${MAX_TIMEOUT_MINUTES}, e.g. 30 or 0.5.`));
        else
            timeoutMs = Math.round(minutes * 60000);
    }
    let memoryBytes = Math.floor(totalMemory * 0.75);
    const m = raw.memory?.trim() ?? '';
    if (m !== '') {
        const match = /^(\d{1,15})([kmgt]?)b?$/i.exec(m);
        const bytes = match ? Number(match[1]) * UNITS[match[2].toLowerCase()] : NaN;
        if (!(bytes >= MIN_MEMORY && bytes <= totalMemory))
            problems.push(problem(where('memory-limit'), m, 'is not a usable memory limit', `Give a size such as 512m or 4g, at least 64m and at most this machine's ${Math.floor(totalMemory / MIB)}m.`));
        else
            memoryBytes = bytes;
    }
    let pidsLimit = DEFAULT_PIDS_LIMIT;
    const p = raw.pids?.trim() ?? '';
    if (p !== '') {
        const n = /^\d{1,7}$/.test(p) ? Number(p) : NaN;
        if (!(n >= 32 && n <= 1000000))
            problems.push(problem(where('pids-limit'), p, 'is not a process limit', 'Give a number from 32 to 1000000.'));
        else
            pidsLimit = n;
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return { timeoutMs, memoryBytes, pidsLimit, tty: raw.tty ?? false };
}
/** SIGKILL's exit status: what the kernel's out-of-memory killer leaves. */
const KILLED = 137;
/**
 * Why the command exited with `code`, in words a person can act on. 137 is a SIGKILL, and
 * inside the sandbox nothing but the memory cgroup's out-of-memory killer sends one
 * (agent-timeout and a firewall failure have their own messages).
 */
function exitExplanation(code, limits) {
    if (code !== KILLED)
        return `the command exited with code ${code}`;
    return `the command was killed (exit code ${code}): it most likely reached memory-limit (${Math.round(limits.memoryBytes / MIB)}m), and the kernel's out-of-memory killer stopped it. Raise memory-limit if the command needs more.`;
}

/**
 * After the command: the outcome and the events -> the report, the audit suggestion, the
 * outputs, the annotations and the verdict, as data. Both shells only print what this returns.
 */
function blockedFailure(report, settings) {
    const unexpected = unexpectedBlocks(report);
    // Blocks counted but not itemised have no name expected-blocks could match.
    const unlisted = report.unlisted.filter((u) => u.decision === 'blocked');
    if (settings.failOnBlocked && unexpected.length === 0 && unlisted.length > 0)
        return `fail-on-blocked: ${unlisted.reduce((n, u) => n + u.count, 0)} blocked attempt(s) were counted but not itemised (see the job summary)`;
    if (!settings.failOnBlocked || unexpected.length === 0)
        return undefined;
    return `fail-on-blocked: ${unexpected.length} destination(s) outside expected-blocks were blocked: ${unexpected
        .slice(0, 10)
        .map((b) => JSON.stringify(b.target))
        .join(', ')}`;
}
/** The verdict, with git-integrity's failure first: whatever else happened, say it. */
function verdict(outcome, settings, report, git) {
    const base = commandVerdict(outcome, settings, report);
    const gitFailed = gitFailure(git, outcome.gitFindings.length);
    if (!gitFailed)
        return base;
    return {
        exitCode: base.exitCode === 0 ? ExitCode.git : base.exitCode,
        failure: base.failure ? `${gitFailed} Also: ${base.failure}` : gitFailed
    };
}
function commandVerdict(outcome, settings, report) {
    const code = outcome.exitCode;
    if (outcome.firewallFailure)
        return {
            exitCode: code,
            failure: `the firewall failed during the run, so the command was killed (exit code ${code}): ${outcome.firewallFailure}. Nothing else on the runner should change firewall rules or stop containers while the step runs.`
        };
    if (outcome.timedOut)
        return {
            exitCode: code,
            failure: `the command was still running after agent-timeout (${settings.limits.timeoutMs / 60000} min), so the sandbox was killed (exit code ${code}). Raise agent-timeout if the command needs longer.`
        };
    if (code !== 0)
        return { exitCode: code, failure: exitExplanation(code, settings.limits) };
    const blocked = blockedFailure(report, settings);
    return blocked ? { exitCode: ExitCode.blocked, failure: blocked } : { exitCode: 0 };
}
function concludeRun(events, outcome, settings, durationMs, integrity) {
    const { policy } = settings;
    const report = buildReport(events, settings.expectedBlocks, settings.reportDetail, integrity, settings.policy.views.urlHosts);
    const suggestion = policy.mode === 'audit' ? suggestPolicy(events, settings.reportDetail) : undefined;
    const git = {
        mode: settings.gitIntegrity,
        lines: gitFindingLines(outcome.gitFindings)
    };
    const facts = {
        mode: policy.mode,
        exitCode: outcome.exitCode,
        durationMs,
        checks: outcome.checks,
        logsDir: outcome.logsDir,
        timedOutMinutes: outcome.timedOut ? settings.limits.timeoutMs / 60000 : undefined,
        firewallFailure: outcome.firewallFailure,
        hostFirewall: outcome.hostFirewall,
        topologyOnly: outcome.topologyOnly,
        presets: policy.presets,
        git,
        policySources: settings.provenance,
        images: outcome.images.map(({ kind, ref, source }) => ({ kind, ref, source })),
        intercepted: settings.interception.hosts.map((host) => ({
            host,
            headers: settings.interception.credentials.filter((c) => c.host === host).map((c) => c.header)
        }))
    };
    return {
        runId: outcome.runId,
        report,
        facts,
        suggestion,
        outputs: {
            'exit-code': String(outcome.exitCode),
            'logs-dir': outcome.logsDir,
            'allowed-domains': JSON.stringify(report.allowedTargets),
            'blocked-domains': JSON.stringify(report.blockedTargets),
            ...(suggestion ? { 'suggested-policy': suggestion.yaml } : {})
        },
        annotations: blockedAnnotations(report),
        ...verdict(outcome, settings, report, git)
    };
}

/**
 * The `credentials` input: API keys the agent never holds. One line per header,
 * `HOST HEADER=TEMPLATE`, for example `api.anthropic.com x-api-key=${ANTHROPIC_API_KEY}`.
 * The proxy decrypts HOST's tunnels and sets HEADER on every request to it, replacing what
 * the agent sent; the variables the templates name are read from the step's environment (by
 * the pipeline, never here) and the agent gets a placeholder in each instead.
 */
/** What the command finds in a variable a credential template names. */
const CREDENTIAL_PLACEHOLDER = 'awf-placeholder-key';
const NAME$1 = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const HEADER = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
/** Headers that frame or route the request (or the proxy's own): never ours to set. */
const RESERVED_HEADERS = new Set([
    'host',
    'content-length',
    'transfer-encoding',
    'connection',
    'keep-alive',
    'upgrade',
    'te',
    'trailer',
    'proxy-authorization',
    'proxy-connection',
    'via',
    'forwarded',
    'x-forwarded-for'
]);
/**
 * A value squid.conf carries as a quoted string: printable ASCII without quote, backslash or
 * percent (Squid reads `%` as the start of a format code).
 */
const HEADER_VALUE = /^[ !#-$&-[\]-~]+$/;
const VARIABLE$1 = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const MAX_VALUE = 8192;
const ACCEPTED$2 = 'Write one HOST HEADER=TEMPLATE a line, e.g. api.example.com Authorization=Bearer ${API_KEY}.';
function parseTemplate(text) {
    const parts = [];
    let at = 0;
    for (const m of text.matchAll(VARIABLE$1)) {
        if (m.index > at)
            parts.push({ text: text.slice(at, m.index) });
        parts.push({ variable: m[1] });
        at = m.index + m[0].length;
    }
    if (at < text.length)
        parts.push({ text: text.slice(at) });
    return parts;
}
/** One line, or the problem with it (the line is configuration, never a secret). */
function parseLine(line, where, policy, env) {
    const m = /^(\S+)\s+([^=\s]+)=(.*)$/.exec(line);
    // The line is not shown: a key pasted into it must not reach a log.
    if (!m)
        return problem(where, line, 'is not HOST HEADER=TEMPLATE (the line is not shown)', ACCEPTED$2, '');
    const host = m[1].toLowerCase();
    const [header, text] = [m[2], m[3].trim()];
    if (!NAME$1.test(host) || host.length > 253 || parseIpLiteral(host))
        return problem(where, m[1], 'is not a host name', 'Name one host, without scheme, port or *.');
    if (!HEADER.test(header) || RESERVED_HEADERS.has(header.toLowerCase()))
        return problem(where, header, 'is not a header the proxy may set', 'Give a header name of letters, digits and -, other than Host, Content-Length, Connection and the proxy headers.');
    const template = parseTemplate(text);
    const literal = template.flatMap((p) => ('text' in p ? [p.text] : []));
    if (!template.some((p) => 'variable' in p))
        return problem(where, `${host} ${header}`, 'gives a value that names no variable (the value is not shown: it may be a key)', 'Put the secret in ${NAME}, never in the input.');
    if (literal.some((t) => !HEADER_VALUE.test(t) || t.includes('$')))
        return problem(where, `${host} ${header}`, 'gives a value with characters a header value cannot carry here (the value is not shown)', 'Use printable ASCII without quotes, backslashes, % or a $ outside ${NAME}.');
    if (policy && !policy.allowDomains.some((a) => matchesDomain(a, host) && httpsAllowed(a)))
        return problem(where, host, 'is not allowed over HTTPS', 'Allow it in allow-domains too.');
    for (const part of template) {
        if (!('variable' in part))
            continue;
        const value = env[part.variable] ?? '';
        // The value is a secret: messages name the variable, never show it.
        if (value === '' || value.length > MAX_VALUE || !HEADER_VALUE.test(value))
            return problem(where, part.variable, value === ''
                ? 'names a variable that is empty or not set'
                : 'names a variable whose value a header cannot carry here', "Set it in the step's env: printable ASCII without quotes, backslashes or %.");
    }
    return { host, header: header.toLowerCase(), template };
}
const httpsAllowed = (rule) => rule.access.some((a) => a.protocol === 'https');
function parseCredentials(text, where, policy, env) {
    const credentials = [];
    const problems = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const parsed = parseLine(line, where, policy, env);
        if ('message' in parsed)
            problems.push(parsed);
        else if (credentials.some((c) => c.host === parsed.host && c.header === parsed.header))
            problems.push(problem(where, `${parsed.host} ${parsed.header}`, 'is set twice', 'Give each header of a host once.'));
        else
            credentials.push(parsed);
    }
    return { credentials, problems };
}
/** The variables the templates name: the agent gets a placeholder in each. */
function credentialVariables(credentials) {
    const names = credentials.flatMap((c) => c.template.flatMap((p) => ('variable' in p ? [p.variable] : [])));
    return [...new Set(names)];
}
/** The header's value, from the step's environment (read by the pipeline only). */
function credentialValue(c, env) {
    return c.template.map((p) => ('text' in p ? p.text : (env[p.variable] ?? ''))).join('');
}

function sandboxRequest(settings, place) {
    return {
        policy: settings.policy,
        command: place.command,
        workspace: place.workspace,
        tempRoot: place.tempRoot,
        logsDir: place.logsDir,
        agent: {
            image: settings.agentImage,
            uid: place.uid,
            gid: place.gid,
            env: settings.agentEnv.vars,
            runner: runnerPathsFrom(place.runnerEnv, place.execPath),
            homeConfig: settings.homeConfig,
            limits: settings.limits
        },
        hostFirewall: settings.hostFirewall,
        remoteDaemon: settings.remoteDaemon,
        protectGit: settings.protectGit,
        images: {
            baseImage: settings.baseImage,
            proxyImage: settings.proxyImage,
            registry: settings.imageRegistry,
            cache: place.imageCache
        },
        stdio: place.stdio,
        addressPool: settings.addressPool,
        ablation: place.ablation,
        proxy: proxyRequest(settings, place)
    };
}
/**
 * The upstream login's and the credentials' values are read here, from the step's
 * environment, and nowhere else.
 */
function proxyRequest(settings, place) {
    const { upstream, noSniHosts } = settings.proxy;
    const { hosts, credentials, caCertificates } = settings.interception;
    const interception = hosts.length > 0
        ? {
            interception: {
                hosts,
                credentials: credentials.map((c) => ({
                    host: c.host,
                    header: c.header,
                    value: credentialValue(c, place.runnerEnv)
                })),
                ...(caCertificates ? { caCertificates } : {})
            }
        }
        : {};
    if (!upstream)
        return { noSniHosts, ...interception };
    const login = upstream.loginVariable ? place.runnerEnv[upstream.loginVariable] : undefined;
    return {
        noSniHosts,
        upstream: { host: upstream.host, port: upstream.port, login },
        ...interception
    };
}
/** Runs the command in the firewall and concludes: report, outputs, verdict. */
async function runFirewalled(deps, settings, place, hooks) {
    const refusal = runnerRefusal(platformFacts(place.runnerEnv, place.execPath, process.platform), settings.hostFirewall);
    if (refusal)
        throw new Error(refusal);
    const started = Date.now();
    const outcome = await runSandboxed(deps, sandboxRequest(settings, place), hooks);
    return hooks.phase('Reporting', async () => {
        const { events, integrity } = await collectEvents(deps.netfilter, outcome);
        const conclusion = concludeRun(events, outcome, settings, Date.now() - started, integrity);
        if (conclusion.suggestion)
            replaceFile(join(outcome.logsDir, 'suggested-policy.yml'), conclusion.suggestion.yaml);
        return conclusion;
    });
}

/**
 * On a pull request, the policy file must come from the base commit: the pull request's own
 * tree is its author's, and a policy its author can widen is no policy. This reads the base
 * commit out of the event payload (the file at GITHUB_EVENT_PATH).
 */
const COMMIT = /^([0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * The base commit when the event payload is a pull request's (pull_request,
 * pull_request_target, review and review-comment events all carry `pull_request.base.sha`);
 * undefined for every other event. A pull request payload without a usable base is an error:
 * reading the pull request's own file instead would fail open.
 */
function pullRequestBase(eventName, payloadText) {
    if (!eventName.startsWith('pull_request'))
        return undefined;
    let payload;
    try {
        payload = JSON.parse(payloadText);
    }
    catch {
        throw new Error(`the ${eventName} event payload is not JSON, so the pull request's base commit is unknown`);
    }
    const pr = payload
        ?.pull_request;
    const sha = pr?.base?.sha;
    if (typeof sha !== 'string' || !COMMIT.test(sha))
        throw new Error(`the ${eventName} event payload names no base commit for the pull request`);
    return { sha, number: typeof pr?.number === 'number' ? pr.number : undefined };
}

/**
 * Reads the policy file named by the `policy` input or `--policy` flag. On a pull request
 * event it is read from the pull request's base commit (git, through the exec choke point),
 * never from the checked-out tree, and a pull request that changes it gets a notice.
 */
/** A refusal about the policy file: an input error (exit status 2 on the command line). */
function refuse(req, message) {
    return new InputError([
        { where: req.where, value: req.path, expected: '', message: `${req.where}: ${message}` }
    ]);
}
function readWorkspaceFile(full) {
    try {
        return readFileSync(full, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** Why a file cannot be read: its error code (ENOENT, EACCES, EISDIR). */
function readError(path) {
    try {
        readFileSync(path);
        return 'unreadable';
    }
    catch (e) {
        return e instanceof Error && 'code' in e
            ? String(e.code)
            : 'unreadable';
    }
}
async function readFromCommit(run, req, full, sha) {
    const git = (...args) => run('git', ['-C', dirname(full), ...args], { timeoutMs: 30000 });
    const short = sha.slice(0, 12);
    const path = safeText(req.path);
    const commit = await git('cat-file', '-e', `${sha}^{commit}`);
    if (commit.exitCode !== 0) {
        if (/not a git repository/i.test(commit.stderr))
            throw refuse(req, `"${path}" is not inside a git checkout, so it cannot be read from the pull request's base commit ${short}. Check out the repository with actions/checkout before this step.`);
        throw refuse(req, `the pull request's base commit ${short} is not in the checkout, so the policy file "${path}" cannot be read from it (the pull request's own copy is never used). Check out with fetch-depth: 2 (actions/checkout) or fetch the base commit before this step.`);
    }
    // cat-file: plumbing, so no pager, textconv or filter of the repository's config runs.
    const blob = await git('cat-file', 'blob', `${sha}:./${basename(full)}`);
    if (blob.exitCode !== 0)
        throw refuse(req, `the policy file "${path}" does not exist in the pull request's base commit ${short} (git: ${safeText(lastLine(blob.stderr))}). A pull request cannot bring the policy it runs under: merge the policy file first.`);
    return blob.stdout;
}
async function readPolicySource(req, run = runCommand) {
    if (!req.path.trim())
        return undefined;
    const full = resolve(req.baseDir, req.path.trim());
    const onPullRequest = req.eventName?.startsWith('pull_request') ?? false;
    const payload = onPullRequest && req.eventPath ? readWorkspaceFile(req.eventPath) : undefined;
    if (onPullRequest && payload === undefined)
        throw refuse(req, `the ${safeText(req.eventName ?? '')} event payload (GITHUB_EVENT_PATH) cannot be read, so the pull request's base commit is unknown and the policy file is not read from the pull request itself`);
    let base;
    try {
        base = payload === undefined ? undefined : pullRequestBase(req.eventName, payload);
    }
    catch (e) {
        throw refuse(req, `${e instanceof Error ? e.message : String(e)}`);
    }
    const local = readWorkspaceFile(full);
    if (!base) {
        if (local === undefined)
            throw refuse(req, `cannot read the policy file "${safeText(req.path)}" (${readError(full)}). Give a path to a YAML or JSON file relative to ${safeText(req.baseDir)}.`);
        return { file: { path: full, text: local }, notices: [] };
    }
    const text = await readFromCommit(run, req, full, base.sha);
    const short = base.sha.slice(0, 12);
    const notices = local === text
        ? []
        : [
            `this pull request changes the policy file "${safeText(req.path)}": the run uses the base commit's version (${short}); the change applies once it is merged`
        ];
    // git's own <commit>:<path> notation: messages say which version they are about.
    return { file: { path: `${short}:${req.path.trim()}`, text }, notices };
}

/** `protect-git` and `git-integrity`: how the workspace's git metadata is guarded. */
/** `true` (the default) or `false`, in the YAML 1.2 spellings the action's booleans accept. */
function parseProtectGit(value, where) {
    const v = value?.trim() ?? '';
    if (v === '' || ['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE'].includes(v))
        return false;
    throw new InputError([
        problem(where, v, 'is not true or false', 'Use true (the default: .git/config, hooks and info are read-only while the command runs) or false.')
    ]);
}
function parseGitIntegrity(value, where) {
    const v = value?.trim() ?? '';
    if (v === '' || v === 'fail')
        return 'fail';
    if (v === 'warn')
        return 'warn';
    throw new InputError([
        problem(where, v, 'is not a git-integrity setting', 'Use fail (the default: git metadata that would run a program in a later step fails the step) or warn (report it only).')
    ]);
}

/**
 * `home-config`: read-only files or folders from the runner's HOME that a CLI needs (for
 * example `~/.claude/settings.json`). The command gets a fresh HOME; these are mounted into it
 * read-only. Credential folders stay hidden whatever the list says.
 */
const ACCEPTED$1 = 'List paths inside HOME, one per line, as ~/path or path relative to HOME, e.g. ~/.claude/settings.json.';
function parseEntry(entry, where) {
    const refuse = (why) => problem(where, entry, why, ACCEPTED$1);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(entry))
        return refuse('contains a control character');
    const relative = entry.startsWith('~/') ? entry.slice(2) : entry;
    if (relative.startsWith('/') || relative.startsWith('~'))
        return refuse('is not a path inside HOME');
    const parts = relative.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0)
        return refuse('names HOME itself');
    if (parts.includes('..'))
        return refuse('leaves HOME');
    const path = parts.join('/');
    const secret = HOME_SECRETS.find((s) => path === s || path.startsWith(`${s}/`) || s.startsWith(`${path}/`));
    if (secret)
        return refuse(`would show ~/${secret}, which holds credentials and stays hidden`);
    return path;
}
/** The listed paths, relative to HOME; every bad entry refused at once. */
function parseHomeConfig(text, where) {
    const paths = [];
    const problems = [];
    for (const entry of parseList(text ?? '')) {
        const parsed = parseEntry(entry, where);
        if (typeof parsed === 'string')
            paths.push(parsed);
        else
            problems.push(parsed);
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return [...new Set(paths)].map((p) => posix.normalize(p));
}

/** `host-firewall`: whether the run installs host iptables rules (needs root or sudo). */
/**
 * `docker-daemon`: `auto` finds a daemon elsewhere by itself (DOCKER_HOST, the run's bridges);
 * `remote` runs topology-only whatever it finds (a sidecar reached through a unix socket).
 */
function parseDockerDaemon(value, where) {
    const v = value?.trim() ?? '';
    if (v === '' || v === 'auto')
        return false;
    if (v === 'remote')
        return true;
    throw new InputError([
        problem(where, v, 'is not a docker-daemon setting', 'Use auto (the default: a daemon elsewhere is found by itself) or remote (always topology-only, for a Docker-in-Docker sidecar reached through a unix socket; see docs/self-hosted.md).')
    ]);
}
function parseHostFirewall(value, where) {
    const v = value?.trim() ?? '';
    if (v === '' || v === 'on')
        return true;
    if (v === 'off')
        return false;
    throw new InputError([
        problem(where, v, 'is not a host-firewall setting', 'Use on (the default: host iptables rules too) or off (no root needed; see docs/threat-model.md for what that gives up).')
    ]);
}

/**
 * The `ca-certificates` input: a PEM file in the workspace whose certificates the proxy
 * trusts, besides the system store, for the servers of intercepted hosts (a corporate
 * inspection proxy, the test lab). The agent's trust gets them too. Read and checked once,
 * when the settings are resolved.
 */
const MAX_BYTES = 1 << 20;
const ACCEPTED = 'Give the path of a PEM file of CA certificates (at most 1 MiB), relative to the workspace.';
function readCaCertificates(path, baseDir, where) {
    const refuse = (why) => new InputError([problem(where, path, why, ACCEPTED)]);
    const full = resolve(baseDir, path);
    let text;
    try {
        const st = statSync(full);
        if (!st.isFile())
            throw refuse('is not a file');
        if (st.size > MAX_BYTES)
            throw refuse('is larger than 1 MiB');
        text = readFileSync(full, 'ascii');
    }
    catch (e) {
        if (e instanceof InputError)
            throw e;
        throw refuse('cannot be read');
    }
    const blocks = pemCertificates(text);
    if (blocks.length === 0)
        throw refuse('holds no PEM certificate');
    blocks.forEach((pem, i) => {
        try {
            if (!new X509Certificate(pem).ca)
                throw new Error('not a CA');
        }
        catch {
            throw refuse(`holds a certificate (number ${i + 1}) that is not a readable CA certificate`);
        }
    });
    return blocks.join('');
}

/**
 * Which hosts the proxy decrypts and why (issue 16): the `credentials` hosts, the hosts of
 * HTTPS `allow-urls` rules, and the
 * `ca-certificates` file it trusts for their servers. Validated once, like every input.
 */
/** Every host some setting intercepts, once each, in the order first named. */
function interceptedHosts(...lists) {
    return [...new Set(lists.flat())];
}
function parseInterceptionSettings(inputs, policy, where, ctx) {
    const { credentials, problems } = parseCredentials(inputs.credentials, where('credentials'), policy, ctx.runnerEnv);
    const caPath = inputs['ca-certificates'].trim();
    let caCertificates;
    const allProblems = [...problems];
    if (caPath !== '')
        try {
            caCertificates = readCaCertificates(caPath, ctx.baseDir, where('ca-certificates'));
        }
        catch (e) {
            if (!(e instanceof InputError))
                throw e;
            allProblems.push(...e.problems);
        }
    if (allProblems.length > 0)
        throw new InputError(allProblems);
    // The hosts of HTTPS URL rules: their requests are checked only once decrypted.
    const urlHosts = (policy?.allowUrls ?? [])
        .filter((r) => r.protocol === 'https')
        .map((r) => r.host);
    const hosts = interceptedHosts(credentials.map((c) => c.host), urlHosts);
    const warnings = caCertificates !== undefined && hosts.length === 0
        ? ['ca-certificates: no host is intercepted, so the file is not used']
        : [];
    return {
        interception: { hosts, credentials, ...(caCertificates ? { caCertificates } : {}) },
        warnings
    };
}
/**
 * The command's environment with a placeholder in every variable a credential names (whatever
 * `env` passed), and every form of the secrets masked. A variable of `env` that carries a
 * secret under another name is refused: the command would hold the key after all.
 */
function withCredentialPlaceholders(env, credentials, runnerEnv, where) {
    if (credentials.length === 0)
        return env;
    const names = credentialVariables(credentials);
    const secrets = names.map((n) => runnerEnv[n] ?? '').filter((v) => v !== '');
    const leaks = Object.entries(env.vars).filter(([name, value]) => !names.includes(name) && secrets.includes(value));
    if (leaks.length > 0)
        throw new InputError(leaks.map(([name]) => problem(where, name, 'passes the value of a credential variable to the command', 'Leave it out of env: the proxy sets the key, the command never needs it.')));
    const placeholders = Object.fromEntries(names.map((n) => [n, CREDENTIAL_PLACEHOLDER]));
    const values = credentials.map((c) => credentialValue(c, runnerEnv));
    return {
        ...env,
        vars: { ...env.vars, ...placeholders },
        secrets: [...env.secrets, ...[...secrets, ...values].flatMap(maskForms)]
    };
}

/**
 * The proxy's own settings beyond the policy: a corporate proxy to leave through
 * (`upstream-proxy`, `upstream-proxy-auth`) and the CONNECT hosts whose TLS clients may omit
 * the server name (`tls-without-sni`). Validated once, like every input.
 */
const NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
function parseUpstream(url, auth, env) {
    const accepted = 'Give http://HOST:PORT, HOST a name or an IPv4 address.';
    const m = /^http:\/\/([^/:@\s]+):(\d{1,5})\/?$/i.exec(url.text);
    const host = m?.[1]?.toLowerCase() ?? '';
    const port = Number(m?.[2]);
    const ip = parseIpLiteral(host);
    if (!m ||
        port < 1 ||
        port > 65535 ||
        (ip ? ip.family !== 4 || ip.address !== host : !NAME.test(host)))
        return [problem(url.where, url.text, 'is not a proxy address', accepted)];
    if (auth === undefined)
        return { host, port };
    if (!VARIABLE.test(auth.text))
        // Not echoed: a login written where the name belongs is a secret.
        return [
            problem(auth.where, `${auth.text.length} characters`, 'is not the name of an environment variable', 'Give the NAME of a variable that holds user:password (never the value itself).', `${auth.text.length} characters`)
        ];
    const value = env[auth.text] ?? '';
    if (!/^[^:\s]+:\S+$/.test(value) || /[\p{Cc}]/u.test(value))
        return [
            problem(auth.where, auth.text, value === ''
                ? 'names a variable that is empty or not set'
                : 'names a variable that does not hold user:password', "Set it in the step's env as user:password, without spaces.")
        ];
    return { host, port, loginVariable: auth.text };
}
function parseNoSniHosts(entries, policy, problems) {
    const hosts = [];
    for (const { value, where } of entries) {
        const rule = parseDomainEntry(value, where, 'block');
        if ('message' in rule)
            problems.push(rule);
        else if (policy && !policy.allowDomains.some((a) => matchesDomain(a, rule.name)))
            problems.push(problem(where, value, 'is not an allowed name', 'Name hosts that allow-domains allows.'));
        else
            hosts.push(rule);
    }
    return hosts;
}
function parseProxySettings(sources, policy, env) {
    const problems = [];
    const { upstream: url, auth } = sources;
    let upstream;
    if (url !== undefined) {
        const parsed = parseUpstream(url, auth, env);
        if (Array.isArray(parsed))
            problems.push(...parsed);
        else
            upstream = parsed;
    }
    else if (auth !== undefined)
        problems.push(problem(auth.where, auth.text, 'is given without upstream-proxy', 'Set upstream-proxy too, or leave this empty.'));
    const noSniHosts = parseNoSniHosts(sources.noSni, policy, problems);
    if (problems.length > 0)
        throw new InputError(problems);
    const warnings = noSniHosts.length > 0
        ? [
            `tls-without-sni: TLS clients may omit the server name in tunnels to ${noSniHosts.map((r) => (r.includeApex ? r.name : `*.${r.name}`)).join(', ')}; ` +
                'such a tunnel reaches whatever the address serves by default.'
        ]
        : [];
    return { ...(upstream ? { upstream } : {}), noSniHosts, warnings };
}

/**
 * The parts of a run's settings, each read from the inputs merged over the policy file:
 * the policy and its report, the command, the runner's side. A new setting is one line in
 * the part it belongs to; src/run/settings.ts puts the parts together.
 */
const given = (text) => (text.trim() === '' ? undefined : text.trim());
function parseFailOnBlocked(merged) {
    const chosen = settingValue(merged, 'fail-on-blocked');
    if (chosen === undefined || chosen.text === 'false')
        return false;
    if (chosen.text === 'true')
        return true;
    throw new PolicyError([
        problem(chosen.where, chosen.text, 'is not true or false', 'Write true or false.')
    ]);
}
/** Parses each source of a list key with its own place in messages; every refusal is kept. */
function eachSource(sources, parse) {
    const parsed = [];
    const problems = [];
    for (const { text, where } of sources ?? [])
        try {
            parsed.push(...parse(text, where));
        }
        catch (e) {
            if (!(e instanceof InputError))
                throw e;
            problems.push(...e.problems);
        }
    if (problems.length > 0)
        throw new InputError(problems);
    return parsed;
}
/** The policy, and what the verdict and the report make of it. */
function policyPart(r) {
    const built = r.attempt(() => buildPolicyFrom(r.merged, r.sourceProblems));
    return {
        policy: built?.policy,
        provenance: built?.provenance,
        warnings: built?.warnings ?? [],
        expectedBlocks: r.attempt(() => parseExpectedBlocksFrom(r.merged)),
        failOnBlocked: r.attempt(() => parseFailOnBlocked(r.merged)),
        reportDetail: r.attempt(() => parseReportDetail(r.value('report-detail'), r.whereOf('report-detail')))
    };
}
/** What the command sees: its image, environment, limits, HOME files and git metadata. */
function agentPart(r) {
    const { inputs, attempt, value, whereOf } = r;
    const agentImage = given(inputs['agent-image']);
    const agentEnv = attempt(() => buildAgentEnv({
        entries: parseEnvSources(r.merged.sources.env ?? []),
        runnerEnv: r.ctx.runnerEnv,
        passPath: agentImage === undefined
    }));
    const limits = {
        timeoutMinutes: value('agent-timeout'),
        memory: value('memory-limit'),
        pids: value('pids-limit'),
        tty: inputs.tty
    };
    return {
        agentImage,
        agentEnv,
        warnings: agentEnv?.warnings ?? [],
        limits: attempt(() => parseLimits(limits, whereOf, r.ctx.totalMemory)),
        homeConfig: attempt(() => [
            ...new Set(eachSource(r.merged.sources['home-config'], parseHomeConfig))
        ]),
        protectGit: attempt(() => parseProtectGit(value('protect-git'), whereOf('protect-git'))),
        gitIntegrity: attempt(() => parseGitIntegrity(value('git-integrity'), whereOf('git-integrity')))
    };
}
/** The runner's side: its firewall, the run's subnets and where the images come from. */
function runnerPart({ inputs, attempt, value, whereOf, written }) {
    const pool = written('address-pool');
    const registry = written('image-registry');
    return {
        hostFirewall: attempt(() => parseHostFirewall(value('host-firewall'), whereOf('host-firewall'))),
        remoteDaemon: attempt(() => 
        // The runner's layout, not policy: an input only, never a policy-file key.
        parseDockerDaemon(inputs['docker-daemon'], whereOf('docker-daemon'))),
        addressPool: pool === undefined
            ? undefined
            : attempt(() => {
                const parsed = parseAddressPool(pool.text, pool.where);
                if (isProblem(parsed))
                    throw new InputError([parsed]);
                return parsed;
            }),
        imageRegistry: registry === undefined
            ? undefined
            : attempt(() => parseImageRegistry(registry.text, registry.where)),
        baseImage: given(inputs['base-image']),
        proxyImage: given(inputs['proxy-image'])
    };
}
/** The proxy's own settings: a corporate proxy to leave through, tunnels without SNI. */
function proxyPart(r, policy) {
    const sources = {
        upstream: r.written('upstream-proxy'),
        auth: r.written('upstream-proxy-auth'),
        noSni: settingEntries(r.merged, 'tls-without-sni')
    };
    return r.attempt(() => parseProxySettings(sources, policy, r.ctx.runnerEnv));
}
/**
 * The hosts the proxy decrypts (credentials) and the CAs it trusts for them; the command's
 * environment gets a placeholder in every variable a credential names.
 */
function interceptionPart(r, policy, agentEnv) {
    const where = (name) => inputWhere(r.ctx.origin, name);
    const parsed = r.attempt(() => parseInterceptionSettings(r.inputs, policy, where, {
        baseDir: r.ctx.baseDir,
        runnerEnv: r.ctx.runnerEnv
    }));
    const credentials = parsed?.interception.credentials ?? [];
    return {
        agentEnv: agentEnv &&
            r.attempt(() => withCredentialPlaceholders(agentEnv, credentials, r.ctx.runnerEnv, r.whereOf('env'))),
        interception: parsed?.interception,
        warnings: parsed?.warnings ?? []
    };
}

/** Runs each parser; a refusal's problems are kept and the next parser still runs. */
function collecting() {
    const problems = [];
    let otherKinds = false;
    return {
        problems,
        policyOnly: () => !otherKinds,
        attempt: (parse) => {
            try {
                return parse();
            }
            catch (e) {
                if (!(e instanceof InputError))
                    throw e;
                problems.push(...e.problems);
                if (!(e instanceof PolicyError))
                    otherKinds = true;
                return undefined;
            }
        }
    };
}
/** Reads the policy file (from the base commit on a pull request), then validates everything. */
async function loadSettings(inputs, ctx) {
    const source = await readPolicySource({
        path: inputs.policy,
        baseDir: ctx.baseDir,
        where: inputWhere(ctx.origin, 'policy'),
        eventName: ctx.event?.name,
        eventPath: ctx.event?.path
    });
    const settings = resolveSettings(inputs, ctx, source?.file);
    return { ...settings, notices: [...(source?.notices ?? []), ...settings.notices] };
}
/** The inputs merged over the policy file, keyed by input name (the file's lists extended). */
function mergedSources(inputs, origin, file) {
    const parsed = file ? parsePolicyFile(file) : undefined;
    // A boolean input cannot say "not given": false leaves the file's value, true turns it on.
    const raw = {
        ...Object.fromEntries(TEXT_INPUTS.map((name) => [name, inputs[name]])),
        'fail-on-blocked': inputs['fail-on-blocked'] ? 'true' : ''
    };
    const { settings, problems } = mergeSettings(raw, origin, parsed?.file);
    return { merged: settings, problems: [...(parsed?.problems ?? []), ...problems] };
}
function resolveSettings(inputs, ctx, file) {
    const { attempt, problems, policyOnly } = collecting();
    const { merged, problems: sourceProblems } = mergedSources(inputs, ctx.origin, file);
    const reader = {
        inputs,
        ctx,
        merged,
        sourceProblems,
        attempt,
        value: (key) => settingValue(merged, key)?.text ?? '',
        whereOf: (key) => settingValue(merged, key)?.where ?? inputWhere(ctx.origin, key),
        written: (key) => {
            const chosen = settingValue(merged, key);
            const text = chosen?.text.trim() ?? '';
            return chosen && text !== '' ? { text, where: chosen.where } : undefined;
        }
    };
    const { warnings: policyWarnings, ...policy } = policyPart(reader);
    const { warnings: agentWarnings, ...agent } = agentPart(reader);
    const runner = runnerPart(reader);
    const proxy = proxyPart(reader, policy.policy);
    const { agentEnv, interception, warnings: interceptionWarnings } = interceptionPart(reader, policy.policy, agent.agentEnv);
    if (problems.length > 0)
        throw policyOnly() ? new PolicyError(problems) : new InputError(problems);
    const settings = {
        ...policy,
        ...agent,
        agentEnv,
        ...runner,
        proxy,
        interception,
        warnings: [
            ...policyWarnings,
            ...agentWarnings,
            ...(proxy?.warnings ?? []),
            ...interceptionWarnings
        ],
        notices: []
    };
    // Every part's parser succeeded (no problems were collected), so no value is absent.
    return settings;
}

/** The command line's help: an overview, and one text per command (`awf-action run --help`). */
const POLICY_FLAGS = `Policy flags (the action's inputs, same names and syntax; repeat a list flag or separate
values with commas, spaces or newlines; lists are added to the policy file's):
  --policy FILE           YAML or JSON policy file (docs/policy-reference.md)
  --allow-domains LIST    domains the command may reach (example.com, *.example.com,
                          https://api.example.com, example.com:8443, @npm)
  --block-domains LIST    domains refused even when an allowed entry covers them
  --allow-networks LIST   private CIDRs the proxy may reach (10.1.0.0/16)
  --dns-servers LIST      upstream resolvers (IP addresses); default: the machine's own
  --allow-host-ports LIST ports of this machine the command may reach as
                          host.docker.internal (3000; 5432! to confirm a database port)
  --allow-urls RULE       a URL rule ([METHODS] URL-PATTERN, repeatable, one rule a flag):
                          GET,HEAD https://github.com/my-org/*; only matching requests
                          reach a host named in a rule
  --expected-blocks LIST  blocks that do not fail the run under --fail-on-blocked
  --upstream-proxy URL    leave through a corporate proxy (http://HOST:PORT)
  --upstream-proxy-auth VAR  the variable holding its login (user:password)
  --tls-without-sni LIST  allowed hosts whose TLS clients may omit the server name
  --credentials 'HOST HEADER=TEMPLATE'  a header the proxy sets on every request to HOST
                          (repeatable), e.g. 'api.example.com x-api-key=\${API_KEY}': the
                          command gets a placeholder in API_KEY, never the key
  --ca-certificates FILE  PEM CAs the proxy trusts for intercepted hosts' servers
  --mode MODE             enforce (default) or audit: HTTP(S) to any public domain is
                          allowed and recorded, and a policy is suggested at the end`;
const RUN_FLAGS = `Run flags:
  --env NAME[=VALUE]      pass a variable to the command (repeatable); NAME alone passes
                          its value here; NAME! also masks the value
  --agent-timeout MIN     kill the sandbox after MIN minutes (exit status ${ExitCode.timeout})
  --memory-limit SIZE     memory limit of the command (512m, 4g; default 75% of RAM)
  --pids-limit N          process limit of the command (default 4096)
  --host-firewall on|off  off: no host iptables rules, so no root needed (see
                          docs/threat-model.md for what that gives up)
  --docker-daemon auto|remote  remote: run topology-only (no host rules; image mode),
                          for a Docker-in-Docker sidecar reached through a unix socket
  --agent-image REF       run the command in this image instead of with this machine's
                          own tools (mounted read-only)
  --home-config LIST      files under HOME the command's tools need, shown read-only in
                          its fresh HOME (~/.claude/settings.json; repeatable)
  --protect-git true|false  false: the command may change .git/config, hooks and
                          info (read-only by default); the check after it still runs
  --git-integrity fail|warn fail (default): exit ${ExitCode.git} when the command left git
                          metadata a later git command would run; warn: only report it
  --report-detail DETAIL  domains (default): names that look random, or many under one
                          domain, are counted, not printed; full: every name
  --address-pool CIDR     IPv4 network the run's two /24 networks come from
                          (default 172.28.0.0/14; a prefix from /8 to /23)
  --base-image REF        base image for building the proxy and agent images
  --proxy-image REF       use this prebuilt proxy image
  --image-registry PATH   pull the released images (same digests) from this mirror,
                          host[:port]/path
  --tty                   give the command a terminal
  --fail-on-blocked       exit ${ExitCode.blocked} when anything outside --expected-blocks was blocked
                          (and the command itself succeeded)`;
const EXIT = `Exit status: the command's own; ${ExitCode.timeout} when it hit --agent-timeout; ${ExitCode.usage} for invalid input;
${ExitCode.blocked} for --fail-on-blocked; ${ExitCode.git} for --git-integrity fail; ${ExitCode.sandbox} when the sandbox
cannot start, or the firewall failed under the running command.`;
const USAGE = `Usage:
  awf-action run [flags] -- COMMAND...    run COMMAND inside the firewall
  awf-action check [flags] [--json]       validate and print the effective policy; writes nothing
  awf-action render [flags] --out DIR     write every rendered config file to DIR
  awf-action presets                      list the domain presets (@npm, @github, ...)
  awf-action version                      this version and its images
  awf-action help COMMAND                 the flags of one command (or COMMAND --help)

${EXIT}`;
const COMMAND_HELP = {
    run: `Usage: awf-action run [flags] -- COMMAND...

Runs COMMAND inside the firewall (root and Docker needed) and prints what it reached and
what was blocked on stderr.

${POLICY_FLAGS}

${RUN_FLAGS}
  --user UID:GID          run the command as this user (default: yours)
  --logs-dir DIR          keep configs and logs here (default: a new folder in $TMPDIR)
  --json                  print the report as one JSON line on stdout, after the
                          command's own output

${EXIT}`,
    check: `Usage: awf-action check [flags] [--json]

Validates the policy and the run settings as \`run\` would, and prints the effective policy:
presets expanded, which entries came from the policy file and which from flags. Writes
nothing and needs neither root nor Docker. Exit status ${ExitCode.usage} when anything is refused.

${POLICY_FLAGS}

${RUN_FLAGS}
  --json                  print it as JSON`,
    render: `Usage: awf-action render [flags] --out DIR

Writes every config file a run would use (squid.conf, dnsmasq.conf, the seccomp profile, the
host and container rule sets) to DIR, for a fixed example topology. Writes nothing when a
value is refused.

${POLICY_FLAGS}
  --out DIR               the folder to write to (created if missing)`,
    presets: `Usage: awf-action presets

Lists the domain presets (@npm, @github, ...) and what each allows.`,
    version: `Usage: awf-action version

Prints this version, and the proxy and agent images it uses: their tags (a hash of their
build context) and, where Docker has them, their image ids.`,
    help: USAGE
};

/**
 * Command-line parsing with node:util's parseArgs: pure, so every flag combination is
 * unit-tested. Flags are the action's inputs under the same names (src/run/inputs.ts), plus a
 * few that only a command line needs. A misspelt flag gets a did-you-mean.
 */
const COMMANDS = ['run', 'render', 'check', 'presets', 'version', 'help'];
/** Flags that may repeat: their values are joined with newlines, as in a multi-line input. */
const REPEATABLE = [...POLICY_LIST_KEYS, 'credentials'];
/** Value flags and switches of each command (every text input of the action, where it fits). */
const VALUE_FLAGS = {
    run: [...TEXT_INPUTS, 'logs-dir', 'user'],
    render: [...TEXT_INPUTS, 'out'],
    check: [...TEXT_INPUTS],
    presets: [],
    version: [],
    help: []
};
const SWITCHES = {
    run: [...BOOLEAN_INPUTS, 'json'],
    render: [...BOOLEAN_INPUTS],
    check: [...BOOLEAN_INPUTS, 'json'],
    presets: [],
    version: [],
    help: []
};
/** A command line that cannot be parsed: shown with the command's help. */
class UsageError extends InputError {
    help;
    constructor(message, help = USAGE) {
        super([{ where: 'command line', value: '', expected: '', message }]);
        this.help = help;
        this.name = 'UsageError';
    }
}
function isCommand(word) {
    return COMMANDS.includes(word);
}
function unknownFlag(command, flag) {
    const known = [...VALUE_FLAGS[command], ...SWITCHES[command], 'help'];
    const near = closest(flag, known);
    const shown = JSON.stringify(`--${flag}`);
    return new UsageError(known.length === 1
        ? `${command} takes no flags (got ${shown})`
        : `unknown flag ${shown} for ${command}${near ? `: did you mean --${near}?` : ''}`, COMMAND_HELP[command]);
}
/** Runs node:util's parser without its own refusals, then checks every flag ourselves. */
function flagsOf(command, rest) {
    const options = {
        help: { type: 'boolean', short: 'h' }
    };
    for (const f of VALUE_FLAGS[command])
        options[f] = { type: 'string', multiple: true };
    for (const f of SWITCHES[command])
        options[f] = { type: 'boolean' };
    const { tokens } = parseArgs$1({
        args: [...rest],
        strict: false,
        allowPositionals: true,
        tokens: true,
        options
    });
    const values = {};
    const switches = {};
    const argv = [];
    let afterTerminator = false;
    for (const token of tokens) {
        if (token.kind === 'option-terminator')
            afterTerminator = true;
        else if (token.kind === 'positional') {
            if (!afterTerminator)
                throw new UsageError(`unexpected argument ${JSON.stringify(token.value)}${command === 'run' ? ' (the command goes after --)' : ''}`, COMMAND_HELP[command]);
            argv.push(token.value);
        }
        else if (token.name === 'help') {
            return { command: 'help', topic: command, values: {}, switches: {}, argv: [] };
        }
        else if (SWITCHES[command].includes(token.name)) {
            if (token.value !== undefined)
                throw new UsageError(`flag --${token.name} takes no value`, COMMAND_HELP[command]);
            switches[token.name] = true;
        }
        else if (VALUE_FLAGS[command].includes(token.name)) {
            if (token.value === undefined)
                throw new UsageError(`flag --${token.name} needs a value`, COMMAND_HELP[command]);
            if (values[token.name] !== undefined && !REPEATABLE.includes(token.name))
                throw new UsageError(`flag --${token.name} is given twice`, COMMAND_HELP[command]);
            values[token.name] =
                values[token.name] === undefined ? token.value : `${values[token.name]}\n${token.value}`;
        }
        else
            throw unknownFlag(command, token.name);
    }
    return { command, values, switches, argv };
}
function parseArgs(argv) {
    const [first, ...rest] = argv;
    const none = { values: {}, switches: {}, argv: [] };
    if (first === undefined || first === '--help' || first === '-h')
        return { command: 'help', ...none };
    if (first === '--version')
        return { command: 'version', ...none };
    if (!isCommand(first)) {
        const near = closest(first, COMMANDS);
        throw new UsageError(`unknown command ${JSON.stringify(first)}${near ? `: did you mean ${near}?` : ''}; the commands are ${COMMANDS.join(', ')}`);
    }
    if (first === 'help') {
        const topic = rest[0];
        if (topic !== undefined && !isCommand(topic))
            throw new UsageError(`help: unknown command ${JSON.stringify(topic)}`);
        return { command: 'help', topic, ...none };
    }
    const args = flagsOf(first, rest);
    if (args.command === 'render' && args.argv.length > 0)
        throw new UsageError('render takes no command after --', COMMAND_HELP.render);
    if (args.command === 'render' && !args.values.out)
        throw new UsageError('render needs --out DIR', COMMAND_HELP.render);
    if (args.command === 'run' && args.argv.length === 0)
        throw new UsageError('run needs a command after --, e.g. awf-action run --allow-domains example.com -- curl https://example.com', COMMAND_HELP.run);
    return args;
}

const access = (a) => a.map((x) => `${x.protocol}:${x.port}`);
const domain = (r) => `${r.includeApex ? '' : '*.'}${r.name}`;
/** The settings beyond the policy and the limits: the command's HOME and git, the runner's side. */
function runSettings(settings) {
    const upstream = settings.proxy.upstream;
    return {
        homeConfig: settings.homeConfig,
        protectGit: settings.protectGit,
        gitIntegrity: settings.gitIntegrity,
        addressPool: settings.addressPool ? formatNet(settings.addressPool) : null,
        imageRegistry: settings.imageRegistry ?? null,
        // The login's variable by name only; its value is read when the proxy starts.
        upstreamProxy: upstream
            ? {
                address: `${upstream.host}:${upstream.port}`,
                loginVariable: upstream.loginVariable ?? null
            }
            : null,
        tlsWithoutSni: settings.proxy.noSniHosts.map(domain)
    };
}
function effectiveSettings(settings) {
    const { policy, limits, provenance } = settings;
    return {
        mode: policy.mode,
        allowDomains: policy.allowDomains.map((r) => ({ domain: domain(r), access: access(r.access) })),
        blockDomains: policy.blockDomains.map(domain),
        allowUrls: policy.allowUrls.map(urlRuleText),
        presets: policy.presets,
        allowNetworks: policy.allowNetworks.map((n) => ({
            network: `${n.address}/${n.prefix}`,
            ...(n.confirmed ? { confirmed: n.confirmed } : {})
        })),
        dnsServers: policy.dnsServers,
        allowHostPorts: policy.allowHostPorts,
        failOnBlocked: settings.failOnBlocked,
        expectedBlocks: settings.expectedBlocks.map(domain),
        env: Object.keys(settings.agentEnv.vars).sort(),
        limits: {
            agentTimeoutMinutes: limits.timeoutMs / 60000 || null,
            memoryBytes: limits.memoryBytes,
            pidsLimit: limits.pidsLimit
        },
        hostFirewall: settings.hostFirewall,
        dockerDaemon: settings.remoteDaemon ? 'remote' : 'auto',
        ...runSettings(settings),
        sources: provenance,
        warnings: settings.warnings,
        notices: settings.notices
    };
}
function sourceLines(settings) {
    const { file, lock, origin, keys } = settings.provenance;
    const by = origin === 'input' ? 'inputs' : 'flags';
    if (file === undefined)
        return [`policy: from ${by} only`];
    return [
        `policy file: ${safeText(file)}${lock ? ` (locked: ${by} may only add blocks)` : ''}`,
        ...keys.map((k) => `  ${k.key}: ${k.fromFile.length} from the file${k.fromInput.length > 0 ? `, from ${by}: ${k.fromInput.map(safeText).join(' ')}` : ''}`)
    ];
}
function upstreamLine({ proxy: { upstream } }) {
    if (!upstream)
        return '-';
    const login = upstream.loginVariable ? ` (login from $${upstream.loginVariable})` : '';
    return `http://${upstream.host}:${upstream.port}${login}`;
}
function renderCheck(settings) {
    const e = effectiveSettings(settings);
    const { policy, limits } = settings;
    const lines = [
        ...sourceLines(settings),
        `mode: ${policy.mode}`,
        'allow-domains:',
        ...policy.allowDomains.map((r) => `  ${domain(r)}  ${access(r.access).join(' ')}`),
        ...policy.presets.map((p) => `  (preset @${p.name} = ${p.domains.join(' ')})`),
        `block-domains: ${policy.blockDomains.map(domain).join(' ') || '-'}`,
        'allow-urls:' + (policy.allowUrls.length === 0 ? ' -' : ''),
        ...policy.allowUrls.map((r) => `  ${urlRuleText(r)}`),
        `allow-networks: ${policy.allowNetworks.map((n) => `${n.address}/${n.prefix}${n.confirmed ? '!' : ''}`).join(' ') || '-'}`,
        `dns-servers: ${policy.dnsServers.join(' ') || '(the machine’s own)'}`,
        `allow-host-ports: ${policy.allowHostPorts.map((p) => `${p.port}${p.sensitive ? '!' : ''}`).join(' ') || '-'}`,
        `fail-on-blocked: ${String(settings.failOnBlocked)}`,
        `expected-blocks: ${settings.expectedBlocks.map(domain).join(' ') || '-'}`,
        `env: ${e.env.join(' ') || '-'}`,
        `agent-timeout: ${limits.timeoutMs > 0 ? `${limits.timeoutMs / 60000} min` : 'none'}`,
        `memory-limit: ${Math.round(limits.memoryBytes / 1024 / 1024)}m`,
        `pids-limit: ${limits.pidsLimit}`,
        `host-firewall: ${settings.hostFirewall ? 'on' : 'off'}`,
        `docker-daemon: ${settings.remoteDaemon ? 'remote (topology-only)' : 'auto'}`,
        `home-config: ${settings.homeConfig.map((p) => `~/${safeText(p)}`).join(' ') || '-'}`,
        `protect-git: ${String(settings.protectGit)}`,
        `git-integrity: ${settings.gitIntegrity}`,
        `address-pool: ${e.addressPool ?? '(the default)'}`,
        `image-registry: ${settings.imageRegistry ?? '-'}`,
        `upstream-proxy: ${upstreamLine(settings)}`,
        `tls-without-sni: ${e.tlsWithoutSni.join(' ') || '-'}`
    ];
    return `${lines.join('\n')}\n`;
}

/** The command-line tool over the same run pipeline as the action: `render`, `run`, `presets`. */
/** `render` shows what a run would use, on this fixed example topology. */
const EXAMPLE_TOPOLOGY = {
    runId: '00000000',
    internalSubnet: { address: '172.28.0.0', prefix: 24 },
    internalBridge: 'awfi-00000000',
    internalGateway: '172.28.0.1',
    proxyIp: '172.28.0.2',
    egressSubnet: { address: '172.28.1.0', prefix: 24 },
    egressBridge: 'awfe-00000000',
    proxyEgressIp: '172.28.1.2'
};
/** The flags as the same record the action's inputs fill. */
function runInputsFrom(args) {
    const text = Object.fromEntries(TEXT_INPUTS.map((name) => [name, args.values[name] ?? '']));
    const switches = Object.fromEntries(BOOLEAN_INPUTS.map((name) => [name, args.switches[name] === true]));
    return { ...text, ...switches };
}
function renderPresetList(presets) {
    return Object.entries(presets)
        .map(([name, p]) => `@${name}  ${p.summary}\n${p.entries.map((e) => `    ${e.domain.padEnd(40)} ${e.why}`).join('\n')}\n`)
        .join('\n');
}
/** A file or folder a flag names that cannot be read or written: refused naming the flag. */
function flagIoError(flag, path, e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    return new InputError([
        problem(`flag --${flag}`, path, `cannot be written${code ? ` (${code})` : ''}`, 'Give a folder you may create and write.')
    ]);
}
function render(args, policy) {
    const upstreamDns = policy.dnsServers.length > 0 ? policy.dnsServers : detectUpstreamDns();
    // Everything is rendered before the first file is written: an error writes nothing.
    const rendered = renderAll({ policy, topology: { ...EXAMPLE_TOPOLOGY, upstreamDns } });
    const out = resolve(args.values.out ?? '.');
    try {
        mkdirSync(out, { recursive: true });
        for (const [file, text] of renderedFiles(rendered)) {
            writeFileSync(join(out, file), text);
            process.stdout.write(`${join(out, file)}\n`);
        }
    }
    catch (e) {
        throw flagIoError('out', args.values.out ?? '.', e);
    }
}
/** This version, and the images a run uses: their tags and, where Docker has them, ids. */
async function versionText() {
    const root = projectRoot();
    const version = actionVersion(root);
    const docker = realDeps().docker;
    const lines = [`awf-action ${version}`];
    for (const kind of ['proxy', 'agent']) {
        const tags = [DEFAULT_BASE_IMAGE, LOCAL_BASE_IMAGE].map((base) => imageTag(kind, root, base));
        let id;
        for (const tag of tags)
            id ??= await docker.imageId(tag).catch(() => undefined);
        lines.push(`${kind} image: ${tags[0]} (on ${LOCAL_BASE_IMAGE}: ${tags[1]}) ${id ?? 'not built here yet'}`);
    }
    return `${lines.join('\n')}\n`;
}
const timedPhase = async (title, step) => {
    const started = Date.now();
    const result = await step();
    process.stderr.write(`awf: ${title} (${Date.now() - started} ms)\n`);
    return result;
};
function parseUser(text) {
    if (text === undefined)
        return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
    const m = /^(\d{1,9}):(\d{1,9})$/.exec(text);
    if (!m)
        throw new UsageError(`flag --user: ${JSON.stringify(text)} is not UID:GID (numbers, e.g. 1001:1001)`);
    return { uid: Number(m[1]), gid: Number(m[2]) };
}
async function run(args, settings, options) {
    let resources;
    let stopping = false;
    const deps = realDeps();
    // On SIGINT/SIGTERM: kill the sandbox at once (no graceful stop) and exit like the signal.
    const onSignal = (signal) => {
        if (stopping)
            return;
        stopping = true;
        process.stderr.write(`awf: ${signal}: removing the sandbox\n`);
        const done = () => process.exit(signal === 'SIGINT' ? 130 : 143);
        if (resources)
            teardown(deps, resources).then(done, done);
        else
            done();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const conclusion = await runFirewalled(deps, settings, {
        command: args.argv,
        workspace: process.cwd(),
        tempRoot: tmpdir(),
        logsDir: args.values['logs-dir'] ? resolve(args.values['logs-dir']) : undefined,
        ...parseUser(args.values.user),
        runnerEnv: process.env,
        execPath: process.execPath,
        stdio: ['ignore', 'inherit', 'inherit'],
        ablation: options.ablation
    }, { phase: timedPhase, onResources: (r) => (resources = r) });
    const { facts, suggestion } = conclusion;
    process.stderr.write(renderTextReport(conclusion.report, facts));
    if (args.switches.json)
        process.stdout.write(`${JSON.stringify({ runId: conclusion.runId, exitCode: conclusion.exitCode, failure: conclusion.failure ?? null, facts, report: conclusion.report, outputs: conclusion.outputs })}\n`);
    if (suggestion)
        process.stderr.write(`suggested policy (also in ${join(facts.logsDir, 'suggested-policy.yml')}):\n${suggestion.yaml}`);
    if (conclusion.failure && conclusion.exitCode === ExitCode.blocked)
        process.stderr.write(`awf: ${conclusion.failure}\n`);
    process.stderr.write(`awf: run ${conclusion.runId} exited with ${facts.exitCode}; logs in ${facts.logsDir}\n`);
    return conclusion.exitCode;
}
/** Parses and validates; returns what to do next, or the exit status when already done. */
async function setUp(argv) {
    const args = parseArgs(argv);
    if (args.command === 'help') {
        process.stdout.write(`${args.topic ? COMMAND_HELP[args.topic] : USAGE}\n`);
        return 0;
    }
    if (args.command === 'version') {
        process.stdout.write(await versionText());
        return 0;
    }
    if (args.command === 'presets') {
        process.stdout.write(renderPresetList(PRESETS));
        return 0;
    }
    parseUser(args.values.user);
    const settings = await loadSettings(runInputsFrom(args), {
        origin: 'flag',
        baseDir: process.cwd(),
        runnerEnv: process.env,
        totalMemory: totalmem()
    });
    for (const w of settings.warnings)
        process.stderr.write(`warning: ${w}\n`);
    for (const n of settings.notices)
        process.stderr.write(`notice: ${n}\n`);
    if (args.command === 'render') {
        render(args, settings.policy);
        return 0;
    }
    if (args.command === 'check') {
        process.stdout.write(args.switches.json
            ? `${JSON.stringify(effectiveSettings(settings), null, 2)}\n`
            : renderCheck(settings));
        return 0;
    }
    const logsDir = args.values['logs-dir'];
    if (logsDir !== undefined)
        try {
            mkdirSync(resolve(logsDir), { recursive: true });
        }
        catch (e) {
            throw flagIoError('logs-dir', logsDir, e);
        }
    return { args, settings };
}
async function main(argv, options = {}) {
    let next;
    try {
        next = await setUp(argv);
        if (typeof next === 'number')
            return next;
    }
    catch (e) {
        if (e instanceof UsageError)
            process.stderr.write(`awf-action: ${e.message}\n\n${e.help}\n`);
        else if (e instanceof InputError)
            process.stderr.write(`awf-action: ${e.title}:\n${e.message}\n`);
        else
            process.stderr.write(`awf-action: ${errorText(e)}\n`);
        return ExitCode.usage;
    }
    try {
        return await run(next.args, next.settings, options);
    }
    catch (e) {
        process.stderr.write(`awf-action: ${errorText(e)}\n`);
        return ExitCode.sandbox;
    }
}

process.exitCode = await main(process.argv.slice(2));
