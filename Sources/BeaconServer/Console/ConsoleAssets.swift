/// The console's stylesheet and script, served from `/assets/` so the pages can forbid inline script.
enum ConsoleAssets {
    /// Phone first: one column, 48-pixel tap targets; wider screens get a grid.
    static let css = """
        :root{--fg:#1d2430;--muted:#5b6472;--panel:#f3f5f8;--line:#dde2ea;--accent:#1a56db;--ok:#137333;
        --sev1:#b00020;--sev2:#c25400;--sev3:#8a6d00;--sev4:#3c6e9e}
        *{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:16px;line-height:1.45;
        color:var(--fg);background:#fff}
        a{color:var(--accent)}
        [hidden]{display:none!important}
        .bar{background:#1d2430;color:#fff;padding:0 .75rem}
        .bar .top{display:flex;align-items:center;gap:.5rem;max-width:60rem;margin:0 auto;min-height:48px}
        .bar .brand{font-weight:700;margin-right:auto;color:#fff;text-decoration:none;padding:.6rem 0}
        .bar .who{font-size:.85rem;opacity:.85;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:32vw}
        .filters a{margin-right:.6rem}.filters a.current{font-weight:700;text-decoration:none}
        .timeline details summary{cursor:pointer}.timeline details ul{margin:.3rem 0 .3rem 1rem;font-size:.9rem}
        .bar .declare{color:#1d2430;background:#ffb400;border-radius:6px;padding:.45rem .7rem;font-size:.85rem;
          font-weight:600;text-decoration:none;white-space:nowrap}
        .bar form{margin:0}
        .bar button{background:transparent;border:1px solid #ffffff66;min-height:36px;padding:.2rem .7rem;font-size:.85rem;
        margin:0}
        .languages{max-width:60rem;margin:1.5rem auto;padding:0 1rem;text-align:center}
        .languages a{display:inline-block;min-height:44px;padding:.7rem .6rem}
        .languages a.current{font-weight:600;color:inherit;text-decoration:none}
        .bar .tabs{display:flex;max-width:60rem;margin:0 auto}
        .bar .tabs a{flex:1 1 0;text-align:center;color:#fff;text-decoration:none;padding:.65rem .25rem;min-height:44px;
        opacity:.85}
        .bar .tabs a.current{opacity:1;font-weight:600;box-shadow:inset 0 -3px 0 #ffb400}
        .bar .count{background:#ffb400;color:#1d2430;border-radius:999px;padding:0 .45rem;font-size:.8rem;font-weight:700}
        main{max-width:60rem;margin:0 auto;padding:.75rem 1rem 3rem}
        h1{font-size:1.3rem;margin:.5rem 0 .5rem;overflow-wrap:anywhere}
        h2{font-size:1.05rem;margin:1.5rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
        h3{font-size:1rem;margin:0 0 .25rem;overflow-wrap:anywhere}
        p{margin:.35rem 0}
        .muted{color:var(--muted);font-size:.9rem}
        .card{background:var(--panel);border-radius:12px;padding:.75rem 1rem;margin:.6rem 0}
        .card.breaching{box-shadow:inset 4px 0 0 var(--sev1)}
        .grid{display:grid;gap:.6rem;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr))}
        .grid .card{margin:0}
        .plain{list-style:none;padding:0;margin:0}
        .card h2{margin-top:0;border:0;padding:0}
        .checklist{margin:.25rem 0;padding-left:1.25rem}
        a.row{display:block;color:inherit;text-decoration:none;background:var(--panel);border-radius:12px;
        padding:.7rem 1rem;margin:.5rem 0;min-height:48px}
        a.row:hover,a.row:focus{background:#e8ecf2}
        a.row .title{font-weight:600;overflow-wrap:anywhere}
        .badge{display:inline-block;border-radius:999px;padding:.05rem .55rem;font-size:.78rem;font-weight:700;
        text-transform:uppercase;letter-spacing:.02em;background:#e3e7ee;color:var(--fg);vertical-align:.1em}
        .badge.sev1{background:var(--sev1);color:#fff}.badge.sev2{background:var(--sev2);color:#fff}
        .badge.sev3{background:var(--sev3);color:#fff}.badge.sev4{background:var(--sev4);color:#fff}
        .holders{display:flex;flex-wrap:wrap;gap:.4rem .9rem;margin:.2rem 0 .6rem}.holder.gap,.now.gap,.spans li.gap{color:var(--sev1);font-weight:700}
        .spans li.overridden{font-style:italic}form.inline{display:inline}
        .badge.open{background:#fde2e1;color:#8c1c13}.badge.acknowledged{background:#fff1c2;color:#5c4300}
        .badge.mitigated{background:#dcefff;color:#0b4a8b}.badge.resolved,.badge.closed{background:#dff3e4;color:#0d5c2a}
        .badge.due{background:#fff1c2;color:#5c4300}.badge.missed{background:#fde2e1;color:#8c1c13}
        .badge.done,.badge.approved{background:#dff3e4;color:#0d5c2a}.badge.rejected{background:#fde2e1;color:#8c1c13}
        .badge.pending,.badge.skipped,.badge.expired{background:#e3e7ee;color:var(--muted)}
        .group-sev1 h2{color:var(--sev1)}.group-sev2 h2{color:var(--sev2)}
        button,.button{font:inherit;font-size:1rem;font-weight:600;min-height:48px;padding:.55rem 1.1rem;border-radius:10px;
        border:0;background:var(--accent);color:#fff;cursor:pointer;margin:.25rem .4rem .25rem 0;text-decoration:none;
        display:inline-block}
        button.secondary,.button.secondary{background:#e3e7ee;color:var(--fg)}
        button.approve{background:var(--ok)}button.reject,button.danger{background:var(--sev1)}
        button.small{min-height:40px;padding:.35rem .8rem;font-size:.9rem}
        input[type=text],input[type=password],input[type=search],input[type=date],select,textarea{font:inherit;font-size:1rem;width:100%;
        min-height:48px;padding:.5rem .7rem;border:1px solid #b8c0cc;border-radius:10px;background:#fff;color:var(--fg)}
        textarea{min-height:5.5rem;resize:vertical}
        textarea[readonly]{background:#fbfcfd}
        label{display:block;margin:.5rem 0 .2rem;font-weight:600}
        form.inline{display:inline}
        .actions{display:flex;flex-wrap:wrap;align-items:center}
        .flash{padding:.75rem 1rem;border-radius:10px;margin:.5rem 0 1rem;background:#dff3e4;box-shadow:inset 5px 0 0 var(--ok)}
        .flash.error{background:#fde2e1;box-shadow:inset 5px 0 0 var(--sev1)}
        .facts p{margin:.15rem 0}
        .question p:first-child{font-weight:700}.question.sev1 p:first-child{color:var(--sev1)}
        .question.sev2 p:first-child{color:var(--sev2)}
        .steps>li{background:var(--panel);border-radius:12px;padding:.75rem 1rem;margin:.6rem 0}
        .steps>li.open{box-shadow:inset 4px 0 0 #ffb400}.steps>li.late{box-shadow:inset 4px 0 0 var(--sev1)}
        .countdown{font-variant-numeric:tabular-nums;font-weight:600}
        .overdue{color:var(--sev1)}
        .timeline li{padding:.4rem 0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
        .timeline time,.history time{color:var(--muted);font-size:.85rem;font-variant-numeric:tabular-nums;margin-right:.4rem}
        .spark{display:block;width:100%;height:44px;margin:.25rem 0}
        .spark polyline{fill:none;stroke:var(--accent);stroke-width:1.6;vector-effect:non-scaling-stroke}
        .spark line{stroke:var(--sev1);stroke-width:1;stroke-dasharray:4 3;vector-effect:non-scaling-stroke}
        .spark circle{fill:var(--accent)}
        .breaching .spark polyline{stroke:var(--sev1)}.breaching .spark circle{fill:var(--sev1)}
        .value{font-size:1.25rem;font-weight:700;font-variant-numeric:tabular-nums}
        .scroll{overflow-x:auto;background:linear-gradient(to right,#fff 30%,#fff0) left/2rem 100% no-repeat local,
          linear-gradient(to left,#fff 30%,#fff0) right/2rem 100% no-repeat local,
          radial-gradient(farthest-side at 0 50%,#0003,#0000) left/.6rem 100% no-repeat scroll,
          radial-gradient(farthest-side at 100% 50%,#0003,#0000) right/.6rem 100% no-repeat scroll}
        table.report{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
        table.report th,table.report td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
        table.report th{font-size:.85rem;color:var(--muted)}table.report .num{text-align:right;white-space:nowrap}
        .chart{margin:.5rem 0 1rem}.chart svg{display:block;width:100%;max-width:30rem;height:auto}
        .chart figcaption{color:var(--muted);font-size:.85rem}
        .chart text{font-size:13px;fill:var(--fg)}.chart text.amount{fill:var(--muted)}
        .chart rect{fill:var(--accent)}.chart rect.met{fill:var(--ok)}.chart rect.missed{fill:var(--sev1)}
        .chart rect.sev1{fill:var(--sev1)}.chart rect.sev2{fill:var(--sev2)}.chart rect.sev3{fill:var(--sev3)}
        .chart rect.sev4{fill:var(--sev4)}
        .filters{display:grid;gap:0 .6rem;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));align-items:end}
        .login{max-width:24rem;margin:2rem auto}
        .badge.yes{background:#dff3e4;color:#0d5c2a}.badge.no{background:#fde2e1;color:#8c1c13}
        .flash ul{margin:.25rem 0 0;padding-left:1.25rem}
        .impact{display:grid;gap:0 .6rem;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr))}
        table.list{width:100%;border-collapse:collapse;margin:.5rem 0}
        table.list th,table.list td{text-align:left;vertical-align:top;padding:.45rem .5rem;
        border-bottom:1px solid var(--line);overflow-wrap:break-word}
        table.list tr.late td:first-child{box-shadow:inset 4px 0 0 var(--sev1)}
        @media (max-width:640px){table.cards thead{display:none}table.cards tr{display:block;background:var(--panel);
        border-radius:12px;margin:.6rem 0;padding:.5rem 1rem}table.cards tr.late{box-shadow:inset 4px 0 0 var(--sev1)}
        table.cards tr.late td:first-child{box-shadow:none}table.cards td{display:block;border:0;padding:.15rem 0}
        table.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:600}}
        .login button{width:100%}
        @media (max-width:520px){main{padding:.5rem .75rem 3rem}.actions button{flex:1 1 40%}}
        """

    /// Copy buttons, live countdowns, and a refresh that waits while a form is being filled.
    static let javascript = """
        "use strict";
        (function () {
          var body = document.body;
          var skew = Number(body.getAttribute("data-now") || Date.now()) - Date.now();

          document.addEventListener("click", function (event) {
            var button = event.target.closest && event.target.closest("[data-copy]");
            if (!button) return;
            var source = document.getElementById(button.getAttribute("data-copy"));
            if (!source) return;
            var label = button.textContent;
            var copied = function () {
              button.textContent = "Copied";
              setTimeout(function () { button.textContent = label; }, 1500);
            };
            var fallback = function () {
              source.focus();
              source.select();
              try { if (document.execCommand("copy")) copied(); } catch (e) {}
              source.blur();
            };
            if (navigator.clipboard && window.isSecureContext) {
              navigator.clipboard.writeText(source.value).then(copied, fallback);
            } else {
              fallback();
            }
          });

          // The page's language: unit words (days|hours|minutes|seconds|gap) and the two countdown sentences.
          var unit = (body.getAttribute("data-span") || "d|h|m|s| ").split("|");
          var soon = body.getAttribute("data-in") || "in {span}";
          var late = body.getAttribute("data-overdue") || "{span} overdue";
          function span(seconds) {
            var d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600);
            var m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
            if (d > 0) return d + unit[0] + unit[4] + h + unit[1];
            if (h > 0) return h + unit[1] + unit[4] + m + unit[2];
            if (m > 0) return m + unit[2] + unit[4] + (s < 10 ? "0" : "") + s + unit[3];
            return s + unit[3];
          }
          function tick() {
            var now = Date.now() + skew;
            var clocks = document.querySelectorAll("[data-due]");
            for (var i = 0; i < clocks.length; i++) {
              var left = Math.round((Number(clocks[i].getAttribute("data-due")) - now) / 1000);
              clocks[i].textContent = (left >= 0 ? soon : late).replace("{span}", span(Math.abs(left)));
              clocks[i].classList.toggle("overdue", left < 0);
            }
          }
          tick();
          setInterval(tick, 1000);

          var every = Number(body.getAttribute("data-refresh") || 0);
          if (every > 0) {
            var typed = false;
            document.addEventListener("input", function () { typed = true; });
            setInterval(function () {
              var active = document.activeElement;
              var filling = active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) && !active.readOnly;
              if (!filling && !typed) location.reload();
            }, every * 1000);
          }
        })();
        """
}
