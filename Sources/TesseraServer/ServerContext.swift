package import Hummingbird
package import TesseraStorage

/// The request context of every route: Hummingbird's core storage plus the API key the request
/// was authenticated with.
package struct ServerContext: RequestContext {
    /// Hummingbird's per-request storage (logger, parameters).
    package var coreContext: CoreRequestContextStorage
    /// The key the request carried, once checked (`nil`: anonymous).
    package var key: APIKeyRecord?
    /// The request's id as ``RequestLogMiddleware`` chose it (sent back in `X-Request-ID`).
    package var requestID: String?

    /// Creates the context of a new request.
    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
