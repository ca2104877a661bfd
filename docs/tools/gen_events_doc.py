#!/usr/bin/env python3
# Regenerates docs/events.md from the event records in kernel/.../api and real examples.
# Usage (from the repository root, after `mvn -q package -DskipTests`):
#   java -jar cli/target/vnetlab.jar sim --json --events --capture-dir /tmp docs/tools/every-event.sh > /tmp/every-event.json
#   python3 docs/tools/gen_events_doc.py /tmp/every-event.json
import re, glob, json, os, sys
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
api = ROOT + '/kernel/src/main/java/org/vnetlab/kernel/api/'
out = ["# Events: the published language on the wire", "",
"Every change to a simulated host is one of these events. Each is a Java record in",
"`kernel/src/main/java/org/vnetlab/kernel/api/`; on the wire (event store payload, Kafka, the",
"history read model, `vnetlab sim --json --events`) it is a JSON object whose first field `\"type\"`",
"is the record's simple name (its stable type name), followed by the record's components in",
"declaration order (`org.vnetlab.kernel.codec.EventCodec`). Maps are written with sorted keys.",
"", "Conventions: `vnet` is the jid of the jail that owns the vnet (0 = the host's own vnet);",
"`jid` is the jail a command ran in; addresses are canonical text (`inet_ntop` form); MACs are",
"`xx:xx:xx:xx:xx:xx`. The command line, time, tenant and actor travel in the envelope, not here.",
"The examples are real: they were produced by `vnetlab sim --json --events` on a script that",
"exercises every kind of change. A test (`EventsDocTest`) fails when an event type is missing",
"from this page.", ""]
EXAMPLES = {}
for line in open(sys.argv[1]):
    for e in json.loads(line).get('events', []):
        EXAMPLES.setdefault(e['type'], json.dumps(e, separators=(',', ':'), ensure_ascii=False))
samples = {'int': 1, 'long': 0, 'boolean': True, 'String': 'x'}
order = ['JailEvent','IfEvent','SysctlEvent','RouteEvent','NeighborEvent']
files = sorted(glob.glob(api+'*Event.java'))
names = [f.split('/')[-1][:-5] for f in files if not f.endswith('/Event.java')]
names = [n for n in order if n in names] + [n for n in names if n not in order]
for n in names:
    src = open(api+n+'.java').read()
    m = re.search(r'/\*\*(.*?)\*/\s*public sealed interface', src, re.S)
    title = re.sub(r'\s*\*\s*', ' ', m.group(1)).strip() if m else ''
    out.append("## " + n)
    out.append("")
    if title: out.append(re.sub(r'\{@code ([^}]*)\}', r'`\1`', re.sub(r'<[^>]+>','',title))); out.append("")
    for rm in re.finditer(r'(/\*\*(?:(?!\*/).)*\*/\s*)?record (\w+)\(([^)]*)\)', src, re.S):
        doc, name, comps = rm.group(1), rm.group(2), rm.group(3)
        out.append("### " + name); out.append("")
        if doc:
            d = re.sub(r'\s*\*\s*', ' ', doc.strip()[3:-2]).strip()
            d = re.sub(r'\{@code ([^}]*)\}', r'`\1`', d); d = re.sub(r'\{@link ([^}]*)\}', r'`\1`', d); d = re.sub(r'<[^>]+>','',d).replace('&amp;','&').replace('&lt;','<').replace('&gt;','>')
            out.append(d); out.append("")
        fields = [c.strip().rsplit(' ',1) for c in comps.replace('\n',' ').split(',') if c.strip()]
        # re-join generic types split by comma
        merged=[]; buf=''
        for c in comps.replace('\n',' ').split(','):
            buf = buf+','+c if buf else c
            if buf.count('<')==buf.count('>'): merged.append(buf.strip()); buf=''
        ex = {"type": name}
        rows=[]
        for c in merged:
            t, f = c.rsplit(' ',1)
            rows.append(f"| `{f}` | {t} |")
            if t.startswith('Map'): ex[f] = {"persist": "true"}
            elif t.startswith('List'): ex[f] = ["a"]
            else: ex[f] = {'int': 1, 'long': 0, 'boolean': True}.get(t, "…")
        out.append("| field | type |"); out.append("|---|---|"); out += rows; out.append("")
        real = EXAMPLES.get(name)
        out.append("```json"); out.append(real if real else json.dumps(ex, separators=(',',':'), ensure_ascii=False)); out.append("```"); out.append("")
open(ROOT + '/docs/events.md','w').write("\n".join(out))
