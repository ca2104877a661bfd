jail -c vnet host.hostname=lefty.example.net path=/ persist
jail -c name=middy vnet host.hostname=middy.example.net persist children.max=2
jail -m name=middy host.hostname=m.example.net
jexec 2 sysctl net.inet.ip.forwarding=1
ifconfig epair20 create
ifconfig epair20a vnet 1
jexec 1 ifconfig epair20a inet 192.0.2.1/30 up
ifconfig epair20b vnet 2
jexec 2 ifconfig epair20b inet 192.0.2.2/30 up
jexec 2 ifconfig epair20b inet6 2001:db8::2/64
jexec 2 ifconfig epair20b inet6 2001:db8::2/64 delete
jexec 2 ifconfig epair20b inet6 2001:db8::3/64 pltime 5 vltime 10
jexec 2 ifconfig epair20b ether 90:10:00:01:02:04
jexec 2 ifconfig epair20b mtu 1400
jexec 2 ifconfig epair20b description uplink
jexec 2 ndp -i epair20b -- -nud
jexec 1 route add default 192.0.2.2
jexec 1 route change default 192.0.2.2
jexec 1 route delete default
jexec 1 arp -s 192.0.2.3 90:10:00:01:02:03
jexec 1 arp -d 192.0.2.3
jexec 1 tcpdump -i epair20a -w a.pcap
jexec 1 ping -c 1 192.0.2.2
jexec 1 traceroute -n 192.0.2.2
sleep 1
ifconfig bridge create
ifconfig epair create
ifconfig bridge0 addm epair0a
ifconfig bridge0 static epair0a 00:01:02:03:04:05
ifconfig bridge0 deladdr 00:01:02:03:04:05
ifconfig bridge0 flush
ifconfig bridge0 deletem epair0a
ifconfig bridge0 name br0
ifconfig epair0b vnet 1
ifconfig epair0b -vnet 1
ifconfig epair0a destroy
jail -r middy
