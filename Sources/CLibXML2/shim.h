// Shim for libxml2 from Swift. See Docs/DESIGN.md ("libxml2").
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED /* the system ICU clashes with Foundation's ("UErrorCode" redefined) */
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlIO.h>

/// xmlFree is a global function pointer variable, unusable from Swift 6: call it through here.
static inline void cxml_free(void *p) { xmlFree(p); }
static void cxml_noop(void *c, const char *m, ...) { (void)c; (void)m; }
/// Stops libxml2 from printing generic errors on stderr by itself.
static inline void cxml_silence_generic_errors(void) { xmlSetGenericErrorFunc(NULL, cxml_noop); }
